import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { sidePool } from '~/db/side-pool.server'

/*
 * Every rate limit of the platform, through rate-limiter-flexible: on a PostgreSQL server its
 * RateLimiterPostgres, whose windows are rows of "RateLimit" shared by every app server behind the
 * load balancer (docs/decisions/023-several-app-servers.md); on PGlite, one process by
 * construction, its RateLimiterMemory. The limits are fixed windows: `points` per `duration`
 * seconds, counted from a key's first request in the window. A refused request is told the
 * seconds until its window ends (Retry-After).
 */

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** A budget in the library's terms: `points` requests in a window of `duration` seconds per key. */
export type RateLimit = { keyPrefix: string; points: number; duration: number }

/**
 * Anonymous (phone/web) submissions per client IP. Generous because mobile carriers put many
 * phones behind one address (CGNAT) and a one-stop centre's Wi-Fi does the same: 120 in a window
 * of ten minutes — a burst of 120 and then, on average, one every 5 seconds (720 an hour); far
 * above a real centre, far below a script.
 */
export const PUBLIC_SUBMISSION_LIMIT: RateLimit = { keyPrefix: 'submission-ip', points: 120, duration: 600 }
/**
 * Authenticated kiosks per device, and never per IP. The window covers a kiosk uploading a whole
 * offline backlog at once: 10,000 answers, two weeks of the busiest desk (one answer a minute for
 * ten hours a day), the most a kiosk holds within its offline limit (MAX_OFFLINE_DAYS); over the
 * window's 10,000 seconds that is one a second on average. It exists only so a stolen token
 * cannot flood the database before it is revoked.
 */
export const KIOSK_SUBMISSION_LIMIT: RateLimit = { keyPrefix: 'submission-kiosk', points: 10_000, duration: 10_000 }
/**
 * Requests per read-API token (docs/decisions/021-read-api.md): a consumer pulling every page of
 * a year's figures once a minute fits.
 */
export const READ_API_LIMIT: RateLimit = { keyPrefix: 'read-api', points: 60, duration: 60 }
/**
 * Calls per ticket issuer's service token (docs/decisions/025-rating-tickets.md): a call mints up
 * to 500 tickets, so 60 a minute is 30,000 tickets a minute, beyond any centre's day of results;
 * a leaked token cannot flood the ticket table before it is revoked.
 */
export const TICKET_MINT_LIMIT: RateLimit = { keyPrefix: 'ticket-mint', points: 60, duration: 60 }

/**
 * Receipt look-ups on the public "your feedback" page per client IP: a citizen checks their own
 * receipt a few times; a script trying codes is stopped after 30 in ten minutes, hopeless against
 * 60-bit receipts. Shared addresses (CGNAT, a centre's Wi-Fi) are why it is not lower.
 */
export const RECEIPT_LOOKUP_LIMIT: RateLimit = { keyPrefix: 'receipt-lookup-ip', points: 30, duration: 600 }

/** The table of RateLimiterPostgres, created by the migrations (the library issues no DDL). */
const RATE_LIMIT_TABLE = 'RateLimit'

const limiters = new Map<RateLimit, RateLimiterAbstract>()

function limiterOf(limit: RateLimit): RateLimiterAbstract {
  let limiter = limiters.get(limit)
  if (!limiter) {
    const pool = sidePool()
    limiter = pool
      ? new RateLimiterPostgres({
          ...limit,
          storeClient: pool,
          storeType: 'pool',
          tableName: RATE_LIMIT_TABLE,
          tableCreated: true,
          // The maintenance job removes expired windows (app/maintenance/maintenance.server.ts).
          clearExpiredByTimeout: false,
          // A key that has used its window is refused from memory until the window ends: a flood
          // from one address costs this server one query, not one per request.
          inMemoryBlockOnConsumed: limit.points,
          // The database unreachable: each server keeps the budget in its own memory meanwhile
          // (the request then gets its 503 from the database guard, not a 500 from here).
          insuranceLimiter: new RateLimiterMemory(limit),
        })
      : new RateLimiterMemory(limit)
    limiters.set(limit, limiter)
  }
  return limiter
}

/** Takes `points` from `key`'s window of `limit`; when too few are left, the seconds until the window ends. */
export async function takeRateLimit(limit: RateLimit, key: string, points = 1): Promise<RateLimitDecision> {
  try {
    await limiterOf(limit).consume(key, points)
    return { allowed: true }
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) }
  }
}

/**
 * Takes `count` submissions (a batch costs one each) from the right budget: the kiosk's own when
 * `kioskId` is set (from kioskOfToken), otherwise the client IP's. The caller answers a refusal
 * in its own format, with Retry-After.
 */
export function takeSubmissionBudget(client: { kioskId?: string | null; clientIp?: string }, count = 1): Promise<RateLimitDecision> {
  return client.kioskId
    ? takeRateLimit(KIOSK_SUBMISSION_LIMIT, client.kioskId, count)
    : takeRateLimit(PUBLIC_SUBMISSION_LIMIT, client.clientIp ?? 'unknown', count)
}

/** Forgets every window, in memory and in the table (tests). */
export async function resetRateLimits(): Promise<void> {
  limiters.clear()
  await sidePool()?.query(`DELETE FROM "${RATE_LIMIT_TABLE}"`)
}
