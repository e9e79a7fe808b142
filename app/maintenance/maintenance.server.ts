import { LOGIN_FAILURES_RESET_MS } from '~/auth/login-throttle'
import { prisma } from '~/db.server'
import { runAlone } from '~/db/advisory-lock.server'
import { purgeExpiredComments } from '~/responses/retention.server'

export type MaintenanceReport = {
  comments: number
  submissionTimes: number
  /** Citizens' contact details of cases closed long enough ago (app/responses/retention.server.ts). */
  contacts: number
  sessions: number
  resetTokens: number
  loginThrottles: number
  /** Rate-limit windows that have ended (app/auth/rate-limit.server.ts). */
  rateLimits: number
}

/** What a run did, or that another app server was running it at that moment. */
export type MaintenanceOutcome = MaintenanceReport | { skipped: 'running on another server' }

/**
 * Everything that must happen on a clock rather than on a request: the retention purge
 * (comments, exact submission times, contact details of closed cases) and removal of expired sign-in state. Each app server
 * (server/index.ts) runs it a minute after start and every six hours; one at a time runs it
 * (an advisory lock, docs/decisions/023-several-app-servers.md), the others skip that turn. It is
 * idempotent too, so a run after another one's changes nothing more.
 */
export async function runMaintenance(now = new Date()): Promise<MaintenanceOutcome> {
  const outcome = await runAlone('maintenance', () => maintain(now))
  return outcome.ran ? outcome.value : { skipped: 'running on another server' }
}

async function maintain(now: Date): Promise<MaintenanceReport> {
  const purged = await purgeExpiredComments(now)
  const [sessions, resetTokens, loginThrottles, rateLimits] = await prisma.$transaction([
    prisma.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.passwordResetToken.deleteMany({ where: { expiresAt: { lt: now } } }),
    // A throttle record older than the reset window no longer delays anyone (login-throttle.ts).
    prisma.loginThrottle.deleteMany({
      where: { lastFailure: { lt: new Date(now.getTime() - LOGIN_FAILURES_RESET_MS) } },
    }),
    prisma.rateLimit.deleteMany({ where: { expire: { lt: BigInt(now.getTime()) } } }),
  ])
  return {
    ...purged,
    sessions: sessions.count,
    resetTokens: resetTokens.count,
    loginThrottles: loginThrottles.count,
    rateLimits: rateLimits.count,
  }
}
