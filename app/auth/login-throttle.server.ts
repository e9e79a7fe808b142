import { createHmac } from 'node:crypto'
import { prisma } from '~/db.server'
import { LOGIN_FAILURES_RESET_MS, retryAfterMs } from './login-throttle'
import { SESSION_SECRET } from './session.server'

/**
 * The throttle keys for one attempt: the account (by the email typed, so unknown addresses are
 * throttled the same way and reveal nothing) and the client IP. The IP is stored only as a keyed
 * hash: we need to recognise it, not to know it (privacy page).
 */
export function loginThrottleKeys(email: string, clientIp: string | undefined): string[] {
  return [`user:${email.toLowerCase()}`, clientThrottleKey('ip', clientIp)]
}

/** The throttle key of a client address for one purpose (`ip` for sign-in, `kiosk-enrolment`, …). */
export function clientThrottleKey(purpose: string, clientIp: string | undefined): string {
  const ipHash = createHmac('sha256', SESSION_SECRET).update(clientIp ?? 'unknown').digest('hex').slice(0, 32)
  return `${purpose}:${ipHash}`
}

/** Milliseconds until an attempt under these keys is accepted; 0 when it may proceed now. */
export async function getLoginRetryAfterMs(keys: string[], now = new Date()): Promise<number> {
  const records = await prisma.loginThrottle.findMany({
    where: { key: { in: keys } },
    select: { failures: true, lastFailure: true },
  })
  return Math.max(0, ...records.map((record) => retryAfterMs(record, now)))
}

/** Counts a failed attempt against every key. */
export async function recordLoginFailure(keys: string[], now = new Date()): Promise<void> {
  const staleBefore = new Date(now.getTime() - LOGIN_FAILURES_RESET_MS)
  for (const key of keys) {
    // Old failures are forgotten first, then the count goes up in one atomic upsert.
    await prisma.loginThrottle.updateMany({ where: { key, lastFailure: { lte: staleBefore } }, data: { failures: 0 } })
    await prisma.loginThrottle.upsert({
      where: { key },
      create: { key, failures: 1, lastFailure: now },
      update: { failures: { increment: 1 }, lastFailure: now },
      select: { key: true },
    })
  }
}

/**
 * After a successful sign-in the account starts afresh. The IP's count is kept: one valid
 * account must not let an attacker reset the counter for guessing others.
 */
export async function clearAccountFailures(email: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key: `user:${email.toLowerCase()}` } })
}

/** Rows with no failure for a day count for nothing; the daily clean-up removes them. */
export async function deleteStaleLoginThrottles(now = new Date()): Promise<number> {
  const { count } = await prisma.loginThrottle.deleteMany({
    where: { lastFailure: { lte: new Date(now.getTime() - LOGIN_FAILURES_RESET_MS) } },
  })
  return count
}
