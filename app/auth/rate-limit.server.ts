/*
 * In-memory token buckets. One process serves the platform (PGlite allows no other), so memory
 * is the right place: no database write per anonymous request. A restart forgets the buckets,
 * which errs on the side of letting citizens through.
 */

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export type RateLimiterOptions = {
  /** Requests allowed in a burst. */
  capacity: number
  /** Tokens regained per second. */
  refillPerSecond: number
  /** Buckets kept before idle ones are dropped, bounding memory under a flood of new keys. */
  maxKeys?: number
}

type Bucket = { tokens: number; updatedAt: number }

export type RateLimiter = {
  /** Takes `cost` tokens (a batch of submissions costs one each), or none when fewer are left. */
  take(key: string, now?: number, cost?: number): RateLimitDecision
  /** Forget every bucket (tests). */
  reset(): void
  readonly size: number
}

export function createRateLimiter({ capacity, refillPerSecond, maxKeys = 50_000 }: RateLimiterOptions): RateLimiter {
  const buckets = new Map<string, Bucket>()

  const refilled = (bucket: Bucket, now: number) =>
    Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * refillPerSecond)

  function makeRoom(now: number) {
    // A full bucket is the same as no bucket, so those go first; then the oldest.
    for (const [key, bucket] of buckets) if (refilled(bucket, now) >= capacity) buckets.delete(key)
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) break
      buckets.delete(key)
    }
  }

  return {
    take(key, now = Date.now(), cost = 1) {
      let bucket = buckets.get(key)
      if (!bucket) {
        if (buckets.size >= maxKeys) makeRoom(now)
        bucket = { tokens: capacity, updatedAt: now }
        buckets.set(key, bucket)
      }
      bucket.tokens = refilled(bucket, now)
      bucket.updatedAt = now
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost
        return { allowed: true }
      }
      return { allowed: false, retryAfterSeconds: Math.ceil((Math.min(cost, capacity) - bucket.tokens) / refillPerSecond) }
    },
    reset() {
      buckets.clear()
    },
    get size() {
      return buckets.size
    },
  }
}

/**
 * Anonymous (phone/web) submissions per client IP. Generous because mobile carriers put many
 * phones behind one address (CGNAT) and a one-stop centre's Wi-Fi does the same: a burst of 120,
 * then one every 5 seconds (720 an hour) — far above a real centre, far below a script.
 */
export const PUBLIC_SUBMISSION_LIMIT: RateLimiterOptions = { capacity: 120, refillPerSecond: 1 / 5 }
/**
 * Authenticated kiosks per device, and never per IP. The budget covers a kiosk uploading a whole
 * offline backlog at once: 10,000 answers, two weeks of the busiest desk (one answer a minute for
 * ten hours a day), the most a kiosk holds within its offline limit (MAX_OFFLINE_DAYS). It exists
 * only so a stolen token cannot flood the database before it is revoked.
 */
export const KIOSK_SUBMISSION_LIMIT: RateLimiterOptions = { capacity: 10_000, refillPerSecond: 1 }

const publicSubmissions = createRateLimiter(PUBLIC_SUBMISSION_LIMIT)
const kioskSubmissions = createRateLimiter(KIOSK_SUBMISSION_LIMIT)

/**
 * Takes one submission from the right budget: the kiosk's own when `kioskId` is set (from
 * kioskOfToken), otherwise the client IP's. The caller answers a refusal in its own format,
 * with Retry-After.
 */
export function takeSubmissionBudget(
  client: { kioskId?: string | null; clientIp?: string },
  now = Date.now(),
  count = 1,
): RateLimitDecision {
  return client.kioskId
    ? kioskSubmissions.take(`kiosk:${client.kioskId}`, now, count)
    : publicSubmissions.take(`ip:${client.clientIp ?? 'unknown'}`, now, count)
}

/** Forget all submission budgets (tests). */
export function resetSubmissionBudgets() {
  publicSubmissions.reset()
  kioskSubmissions.reset()
}
