import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { createUser } from '../../test/factories/accounts'
import { runMaintenance } from './maintenance.server'

const HOUR = 60 * 60 * 1000
const now = new Date('2027-03-01T02:00:00Z')
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs)

describe('runMaintenance', () => {
  test('removes expired sessions, reset tokens and stale login throttles, keeps live ones, and is idempotent', async () => {
    const user = await createUser({ role: 'agency_viewer' })
    await prisma.session.createMany({
      data: [
        { id: `expired-${randomUUID()}`, userId: user.id, expiresAt: at(-HOUR) },
        { id: `live-${randomUUID()}`, userId: user.id, expiresAt: at(HOUR) },
      ],
    })
    await prisma.passwordResetToken.createMany({
      data: [
        { tokenHash: `expired-${randomUUID()}`, userId: user.id, expiresAt: at(-HOUR) },
        { tokenHash: `live-${randomUUID()}`, userId: user.id, expiresAt: at(HOUR) },
      ],
    })
    await prisma.loginThrottle.createMany({
      data: [
        { key: 'account:stale', failures: 12, lastFailure: at(-25 * HOUR) },
        { key: 'account:recent', failures: 12, lastFailure: at(-HOUR) },
      ],
    })

    const first = await runMaintenance(now)
    expect(first).toMatchObject({ sessions: 1, resetTokens: 1, loginThrottles: 1 })
    expect((await prisma.session.findMany()).map((s) => s.id)).toEqual([expect.stringMatching(/^live-/)])
    expect((await prisma.passwordResetToken.findMany()).map((t) => t.tokenHash)).toEqual([
      expect.stringMatching(/^live-/),
    ])
    expect((await prisma.loginThrottle.findMany()).map((t) => t.key)).toEqual(['account:recent'])

    const second = await runMaintenance(now)
    expect(second).toEqual({ comments: 0, submissionTimes: 0, contacts: 0, sessions: 0, resetTokens: 0, loginThrottles: 0, rateLimits: 0 })
  })
})
