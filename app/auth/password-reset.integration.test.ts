import { describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { createUser, requestWith, sessionCookieFor } from '../../test/factories/accounts'
import { issuePasswordReset, getPasswordResetAccount, PASSWORD_RESET_TTL_MS, resetPassword } from './password-reset.server'
import { getUser } from './session.server'
import { signIn } from './sign-in.server'

const issued = new Date('2026-03-02T01:00:00Z')
const tokenOf = (path: string) => path.split('/').pop() ?? ''

describe('password reset by an administrator', () => {
  test('a link sets a new password once and signs the user out everywhere', async () => {
    const admin = await createUser({ role: 'ministry_admin' })
    const user = await createUser({ role: 'agency_manager', password: 'the old password' })
    const cookie = await sessionCookieFor(user.id)
    const token = tokenOf(await issuePasswordReset(user.id, admin.id, issued))

    expect(await getPasswordResetAccount(token, issued)).toEqual({ email: user.email, name: user.name })
    expect(await resetPassword(token, 'a brand new password', issued)).toBe(true)
    expect(await resetPassword(token, 'a second new password', issued)).toBe(false)
    expect(await getPasswordResetAccount(token, issued)).toBeNull()

    expect(await getUser(requestWith(cookie, '/'))).toBeNull()
    expect((await signIn({ email: user.email, password: 'a brand new password', clientIp: '192.0.2.9' })).kind).toBe('signed-in')
    expect((await signIn({ email: user.email, password: 'the old password', clientIp: '192.0.2.9' })).kind).toBe('invalid')
    const actions = await prisma.auditEvent.findMany({ where: { target: `user:${user.id}` }, select: { action: true } })
    expect(actions.map((event) => event.action)).toEqual(
      expect.arrayContaining(['auth.password_reset_issued', 'auth.password_reset']),
    )
  })

  test('a link expires after 24 hours', async () => {
    const admin = await createUser({ role: 'ministry_admin' })
    const user = await createUser({ role: 'clerk' })
    const token = tokenOf(await issuePasswordReset(user.id, admin.id, issued))
    const expired = new Date(issued.getTime() + PASSWORD_RESET_TTL_MS)
    expect(await getPasswordResetAccount(token, expired)).toBeNull()
    expect(await resetPassword(token, 'a brand new password', expired)).toBe(false)
  })

  test('a new link cancels the previous one', async () => {
    const admin = await createUser({ role: 'ministry_admin' })
    const user = await createUser({ role: 'clerk' })
    const first = tokenOf(await issuePasswordReset(user.id, admin.id, issued))
    const second = tokenOf(await issuePasswordReset(user.id, admin.id, issued))
    expect(await resetPassword(first, 'a brand new password', issued)).toBe(false)
    expect(await resetPassword(second, 'a brand new password', issued)).toBe(true)
  })

  test('only a hash of the link is stored', async () => {
    const admin = await createUser({ role: 'ministry_admin' })
    const user = await createUser({ role: 'clerk' })
    const token = tokenOf(await issuePasswordReset(user.id, admin.id, issued))
    const stored = await prisma.passwordResetToken.findMany({ where: { userId: user.id }, select: { tokenHash: true } })
    expect(stored).toHaveLength(1)
    expect(stored[0]?.tokenHash).not.toContain(token)
  })
})
