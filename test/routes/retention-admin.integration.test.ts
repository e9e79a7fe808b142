import { describe, expect, test } from 'vitest'
import type { FieldErrors } from '~/forms/field-errors'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { prisma } from '~/db.server'
import { COMMENT_RETENTION_SETTING, getCommentRetentionDays } from '~/responses/retention.server'
import { action } from '~/routes/admin.retention'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'

async function post(days: string, lng = 'vi') {
  const admin = await createUser({ role: 'ministry_admin' })
  const cookie = await sessionCookieFor(admin.id)
  const token = await getCsrfToken(requestWith(cookie, '/admin/retention'))
  const body = new URLSearchParams({ days, [CSRF_FIELD]: token ?? '' })
  const request = requestWith(cookie, `/admin/retention?lng=${lng}`, { method: 'POST', body })
  return (await action({ request, params: {}, context: {} })) as unknown
}

describe('the retention admin page', () => {
  test('saves a valid period and records who changed it', async () => {
    await post('180')
    expect(await getCommentRetentionDays()).toBe(180)
    expect(await prisma.auditEvent.count({ where: { action: 'retention.changed' } })).toBe(1)
  })

  test.each(['0', '3651', 'abc', '12.5', ''])('rejects %j with 400 and changes nothing', async (days) => {
    const before = await prisma.setting.findUnique({ where: { key: COMMENT_RETENTION_SETTING } })
    const result = (await post(days)) as { init: { status: number }; data: { fieldErrors: FieldErrors } }
    expect(result.init.status).toBe(400)
    expect(result.data.fieldErrors).toEqual({ days: { key: 'retention.errors.days' } })
    expect(await prisma.setting.findUnique({ where: { key: COMMENT_RETENTION_SETTING } })).toEqual(before)
  })
})
