import { describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken, requireCsrfForm, validateCsrf } from '~/auth/csrf.server'
import { prisma } from '~/db.server'
import { action as createAgencyAction } from '~/routes/admin.agencies._index'
import { action as logoutAction } from '~/routes/logout'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { createProvince } from '../factories/units'

function form(fields: Record<string, string>) {
  const body = new FormData()
  for (const [key, value] of Object.entries(fields)) body.set(key, value)
  return body
}

async function rejection(run: () => Promise<unknown>) {
  const thrown = await run().then(
    () => null,
    (error: unknown) => error,
  )
  expect(thrown).toBeInstanceOf(Response)
  return (thrown as Response).status
}

describe('CSRF protection', () => {
  test('the token of the current session is accepted', async () => {
    const user = await createUser({ role: 'ministry_admin' })
    const request = requestWith(await sessionCookieFor(user.id), '/admin/agencies', { method: 'POST' })
    const token = await getCsrfToken(request)
    await expect(validateCsrf(request, form({ [CSRF_FIELD]: token ?? '' }))).resolves.toBeUndefined()
  })

  test('a missing, forged or other session’s token is refused with 403', async () => {
    const user = await createUser({ role: 'ministry_admin' })
    const mine = requestWith(await sessionCookieFor(user.id), '/admin/agencies', { method: 'POST' })
    const other = requestWith(await sessionCookieFor(user.id), '/admin/agencies', { method: 'POST' })
    const otherToken = (await getCsrfToken(other)) ?? ''
    expect(otherToken).not.toBe(await getCsrfToken(mine))
    expect(await rejection(() => validateCsrf(mine, form({})))).toBe(403)
    expect(await rejection(() => validateCsrf(mine, form({ [CSRF_FIELD]: 'forged' })))).toBe(403)
    expect(await rejection(() => validateCsrf(mine, form({ [CSRF_FIELD]: otherToken })))).toBe(403)
  })

  test('an action reads its posted form only with the token of the current session', async () => {
    const user = await createUser({ role: 'ministry_admin' })
    const cookie = await sessionCookieFor(user.id)
    const post = (body: FormData) => requestWith(cookie, '/admin/agencies', { method: 'POST', body })
    const token = (await getCsrfToken(post(form({})))) ?? ''
    const read = await requireCsrfForm(post(form({ code: 'HP-01', [CSRF_FIELD]: token })))
    expect(read.get('code')).toBe('HP-01')
    expect(await rejection(() => requireCsrfForm(post(form({ code: 'HP-01' }))))).toBe(403)
  })

  test('without a session there is no token to match', async () => {
    const anonymous = requestWith(null, '/x', { method: 'POST' })
    expect(await getCsrfToken(anonymous)).toBeNull()
    expect(await rejection(() => validateCsrf(anonymous, form({ [CSRF_FIELD]: '' })))).toBe(403)
  })

  test('an administration form posted without the token changes nothing', async () => {
    const admin = await createUser({ role: 'ministry_admin' })
    const province = await createProvince()
    const cookie = await sessionCookieFor(admin.id)
    const fields = { code: 'CSRF-TEST', name: 'Sở thử', nameEn: 'Test department', kind: 'department', provinceId: province.id }
    const post = (body: FormData) => requestWith(cookie, '/admin/agencies', { method: 'POST', body })
    expect(await rejection(() => createAgencyAction({ request: post(form(fields)), params: {}, context: {} }))).toBe(403)
    expect(await prisma.agency.count({ where: { code: 'CSRF-TEST' } })).toBe(0)

    const token = (await getCsrfToken(post(form({})))) ?? ''
    const accepted = await createAgencyAction({ request: post(form({ ...fields, [CSRF_FIELD]: token })), params: {}, context: {} })
    expect(accepted.init?.status ?? 200).toBe(200)
    expect(await prisma.agency.count({ where: { code: 'CSRF-TEST' } })).toBe(1)
  })

  test('a cross-site sign-out attempt without the token keeps the session', async () => {
    const user = await createUser({ role: 'agency_viewer' })
    const cookie = await sessionCookieFor(user.id)
    const request = requestWith(cookie, '/logout', { method: 'POST', body: form({}) })
    expect(await rejection(() => logoutAction({ request, params: {}, context: {} }))).toBe(403)
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
  })
})
