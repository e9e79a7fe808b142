import { randomBytes } from 'node:crypto'
import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { hashPassword } from './password.server'
import { hashSecret } from './secret-hash.server'

/** A reset link works once, for a day: long enough to reach someone by e-mail or chat. */
export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60 * 1000

/**
 * Issues a one-time reset link path for a user, cancelling any earlier unused link.
 * Administrators hand the link over; it is also how a new account gets its first password.
 */
export async function issuePasswordReset(userId: string, actorId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await prisma.$transaction([
    prisma.passwordResetToken.deleteMany({ where: { userId, usedAt: null } }),
    prisma.passwordResetToken.create({
      data: {
        tokenHash: hashSecret(token),
        userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
      },
      select: { tokenHash: true },
    }),
  ])
  await recordAudit('auth.password_reset_issued', { actorId, target: `user:${userId}` })
  return `/reset-password/${token}`
}

/** The account a reset link is for, or null when the link is unknown, used or expired. */
export async function getPasswordResetAccount(token: string, now = new Date()) {
  const reset = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, name: true, active: true } } },
  })
  if (!reset || reset.usedAt || reset.expiresAt <= now || !reset.user.active) return null
  return { email: reset.user.email, name: reset.user.name }
}

/**
 * Sets a new password through a reset link. The link is claimed by one conditional update, so
 * two submissions racing with the same link cannot both succeed. Signs the user out everywhere.
 * Returns false when the link is unknown, used or expired.
 */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<boolean> {
  const passwordHash = await hashPassword(password)
  const tokenHash = hashSecret(token)
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now }, user: { active: true } },
      data: { usedAt: now },
    })
    if (claimed.count !== 1) return false
    const { userId } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } })
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { email: true } })
    await tx.session.deleteMany({ where: { userId } })
    await tx.loginThrottle.deleteMany({ where: { key: `user:${user.email}` } })
    await recordAudit('auth.password_reset', { actorId: userId, target: `user:${userId}` }, tx)
    return true
  })
}
