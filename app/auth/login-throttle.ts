/** Failed sign-ins allowed before any delay (per account and per IP). */
export const FREE_LOGIN_FAILURES = 10
/** Delay after the 10th failure; it doubles with each further failure… */
export const LOGIN_DELAY_BASE_MS = 30 * 1000
/** …up to this cap, so an attacker can slow an account down but never lock it for good. */
export const LOGIN_DELAY_MAX_MS = 15 * 60 * 1000
/** A day without failures starts the count again. */
export const LOGIN_FAILURES_RESET_MS = 24 * 60 * 60 * 1000

export type ThrottleRecord = { failures: number; lastFailure: Date }

/** The wait imposed after `failures` consecutive failures. */
export function loginDelayMs(failures: number): number {
  if (failures < FREE_LOGIN_FAILURES) return 0
  const doublings = failures - FREE_LOGIN_FAILURES
  // Capped before exponentiating so a huge count cannot overflow to Infinity.
  return Math.min(LOGIN_DELAY_BASE_MS * 2 ** Math.min(doublings, 20), LOGIN_DELAY_MAX_MS)
}

/** How long until another attempt is accepted (0 = now). */
export function retryAfterMs(record: ThrottleRecord | null, now: Date): number {
  if (!record) return 0
  const since = now.getTime() - record.lastFailure.getTime()
  if (since >= LOGIN_FAILURES_RESET_MS) return 0
  return Math.max(0, loginDelayMs(record.failures) - since)
}
