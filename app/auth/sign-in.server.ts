import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import type { Role } from '~/generated/prisma/enums'
import { clearAccountFailures, getLoginRetryAfterMs, loginThrottleKeys, recordLoginFailure } from './login-throttle.server'
import { hashPassword, verifyPassword } from './password.server'

export type SignInResult =
  | { kind: 'signed-in'; userId: string; role: Role }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterMs: number }

// Checked when the email is unknown, so a wrong address takes as long as a wrong password and
// response times do not reveal which accounts exist.
let decoyHash: Promise<string> | undefined

/**
 * Checks an email and password, applying the per-account and per-IP throttle and recording
 * the outcome in the audit log. Inactive accounts fail like wrong passwords.
 */
export async function signIn(input: {
  email: string
  password: string
  clientIp: string | undefined
  now?: Date
}): Promise<SignInResult> {
  const now = input.now ?? new Date()
  const email = input.email.toLowerCase()
  const keys = loginThrottleKeys(email, input.clientIp)
  const retryAfterMs = await getLoginRetryAfterMs(keys, now)
  if (retryAfterMs > 0) return { kind: 'throttled', retryAfterMs }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, role: true },
  })
  const matches = await verifyPassword(user?.passwordHash ?? (await (decoyHash ??= hashPassword('decoy'))), input.password)

  if (!user || !matches || !user.active) {
    await recordLoginFailure(keys, now)
    const reason = !user ? 'unknown_account' : !matches ? 'wrong_password' : 'inactive'
    await recordAudit('auth.sign_in_failed', {
      target: user ? `user:${user.id}` : null,
      details: { reason, ...(user ? {} : { email }), ipKey: keys[1] ?? null },
    })
    return { kind: 'invalid' }
  }

  await clearAccountFailures(email)
  await recordAudit('auth.sign_in', { actorId: user.id, target: `user:${user.id}` })
  return { kind: 'signed-in', userId: user.id, role: user.role }
}
