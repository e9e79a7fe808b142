import { LOGIN_FAILURES_RESET_MS } from '~/auth/login-throttle'
import { prisma } from '~/db.server'
import { purgeExpiredComments } from '~/responses/retention.server'

export type MaintenanceReport = {
  comments: number
  submissionTimes: number
  sessions: number
  resetTokens: number
  loginThrottles: number
}

/**
 * Everything that must happen on a clock rather than on a request: the retention purge
 * (comments, exact submission times) and removal of expired sign-in state. Idempotent, so
 * running it on several servers at once or twice in a row is harmless. The server
 * (server/index.ts) runs it a minute after start and every six hours.
 */
export async function runMaintenance(now = new Date()): Promise<MaintenanceReport> {
  const purged = await purgeExpiredComments(now)
  const [sessions, resetTokens, loginThrottles] = await prisma.$transaction([
    prisma.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.passwordResetToken.deleteMany({ where: { expiresAt: { lt: now } } }),
    // A throttle record older than the reset window no longer delays anyone (login-throttle.ts).
    prisma.loginThrottle.deleteMany({
      where: { lastFailure: { lt: new Date(now.getTime() - LOGIN_FAILURES_RESET_MS) } },
    }),
  ])
  return {
    ...purged,
    sessions: sessions.count,
    resetTokens: resetTokens.count,
    loginThrottles: loginThrottles.count,
  }
}
