/** A session ends after this long without a request (30-minute idle limit, ADR 003). */
export const SESSION_IDLE_MS = 30 * 60 * 1000
/** A session ends this long after sign-in however active it is (12-hour absolute limit). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000
/**
 * `lastSeenAt` is written at most this often: one write per request would double the load of
 * every signed-in page for a precision the 30-minute idle limit does not need.
 */
const SESSION_TOUCH_INTERVAL_MS = 60 * 1000

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date }
export type SessionState = 'active' | 'idle' | 'expired'

/** Whether a session may still be used at `now`. */
export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (now.getTime() >= session.expiresAt.getTime()) return 'expired'
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) return 'idle'
  return 'active'
}

/** The absolute end of a session started at `createdAt`. */
export function sessionExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + SESSION_ABSOLUTE_MS)
}

export function shouldTouchSession(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS
}

/**
 * Where to go after signing in: only a path on this site. `//evil.example` and `/\evil.example`
 * are protocol-relative URLs that browsers follow off-site, so they are refused.
 */
export function safeRedirectPath(target: unknown, fallback: string): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback
  if (target.startsWith('//') || target.startsWith('/\\')) return fallback
  return target
}
