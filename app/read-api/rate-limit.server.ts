import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

/*
 * Requests per API token (docs/decisions/021-read-api.md). Kept in this process's memory: one
 * process serves the platform (ADR 017); with several, each would allow the full budget, so the
 * store would move to PostgreSQL (RateLimiterPostgres of the same library).
 */

/** A token may send this many requests in any one window… */
export const API_REQUESTS_PER_WINDOW = 60
/** …of this many seconds: a consumer pulling every page of a year's figures once a minute fits. */
const API_WINDOW_SECONDS = 60

const limiter = new RateLimiterMemory({ points: API_REQUESTS_PER_WINDOW, duration: API_WINDOW_SECONDS })

/** Takes one request from the token's budget; when none is left, the seconds until there is. */
export async function takeApiRequest(tokenId: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  try {
    await limiter.consume(tokenId)
    return { allowed: true }
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) }
  }
}
