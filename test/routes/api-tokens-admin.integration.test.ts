import { describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { hashSecret } from '~/auth/secret-hash.server'
import { prisma } from '~/db.server'
import type { FieldErrors } from '~/forms/field-errors'
import { action, loader } from '~/routes/admin.api-tokens._index/route'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { createProvince } from '../factories/units'

/*
 * /admin/api-tokens through its loader and action with real requests: the Ministry
 * administrator issues a token (shown once, in that answer only) and revokes it, each post
 * CSRF-checked; anyone else is refused.
 */

const PATH = '/admin/api-tokens'
const inDays = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

async function signedIn(role: 'ministry_admin' | 'province_admin' | 'ministry_analyst' = 'ministry_admin') {
  const user = await createUser({ role })
  return { user, cookie: await sessionCookieFor(user.id) }
}

async function post(cookie: string, fields: Record<string, string>, { csrf = true } = {}) {
  const token = csrf ? await getCsrfToken(requestWith(cookie, PATH)) : 'forged'
  const body = new URLSearchParams({ ...fields, [CSRF_FIELD]: token ?? '' })
  return action({ request: requestWith(cookie, PATH, { method: 'POST', body }), params: {}, context: {} }).catch((thrown: unknown) => thrown)
}

type Issued = { data: { issued: { token: string; name: string } } }
type Refused = { init: { status: number }; data: { fieldErrors: FieldErrors } }

describe('the API tokens page', () => {
  test('issues a token shown once, stored only as its hash, and lists it without it', async () => {
    const { cookie } = await signedIn()
    const province = await createProvince()
    const answer = (await post(cookie, { intent: 'create', name: 'Cổng báo cáo tỉnh', scope: province.id, expiresOn: inDays(30) })) as Issued
    const { token } = answer.data.issued
    expect(token).toMatch(/^sipas_/)
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(token) } })
    expect(row).toMatchObject({ name: 'Cổng báo cáo tỉnh', provinceId: province.id, revokedAt: null })

    const page = await loader({ request: requestWith(cookie, PATH), params: {}, context: {} })
    expect(JSON.stringify(page)).not.toContain(token)
    expect(page.tokens.find((listed) => listed.id === row.id)).toMatchObject({ prefix: token.slice(0, 12), provinceName: province.name, useCount: 0 })
  })

  test('revokes a token', async () => {
    const { cookie } = await signedIn()
    const { data } = (await post(cookie, { intent: 'create', name: 'Thử', scope: 'national', expiresOn: inDays(1) })) as Issued
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(data.issued.token) } })
    expect(await post(cookie, { intent: 'revoke', tokenId: row.id })).toEqual({ revoked: true })
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull()
    const again = (await post(cookie, { intent: 'revoke', tokenId: row.id })) as Refused
    expect(again.init.status).toBe(400)
    expect(again.data.fieldErrors).toEqual({ tokenId: { key: 'tokens.errors.token' } })
  })

  test.each([
    ['an empty name', { name: ' ', scope: 'national', expiresOn: inDays(10) }, 'name'],
    ['an unknown province', { name: 'X', scope: 'no-such-province', expiresOn: inDays(10) }, 'scope'],
    ['an expiry today', { name: 'X', scope: 'national', expiresOn: inDays(0) }, 'expiresOn'],
    ['an expiry over a year ahead', { name: 'X', scope: 'national', expiresOn: inDays(400) }, 'expiresOn'],
  ])('refuses %s with 400 and issues nothing', async (_, fields, field) => {
    const { cookie } = await signedIn()
    const before = await prisma.apiToken.count()
    const answer = (await post(cookie, { intent: 'create', ...fields })) as Refused
    expect(answer.init.status).toBe(400)
    expect(Object.keys(answer.data.fieldErrors)).toEqual([field])
    expect(await prisma.apiToken.count()).toBe(before)
  })

  test('a post without the CSRF token is refused with 403 and changes nothing', async () => {
    const { cookie } = await signedIn()
    const before = await prisma.apiToken.count()
    const refused = (await post(cookie, { intent: 'create', name: 'X', scope: 'national', expiresOn: inDays(10) }, { csrf: false })) as Response
    expect(refused.status).toBe(403)
    expect(await prisma.apiToken.count()).toBe(before)
  })

  test.each(['province_admin', 'ministry_analyst'] as const)('a %s is refused with 403', async (role) => {
    const { cookie } = await signedIn(role)
    const page = await loader({ request: requestWith(cookie, PATH), params: {}, context: {} }).catch((thrown: unknown) => thrown)
    expect((page as Response).status).toBe(403)
    const posted = (await post(cookie, { intent: 'create', name: 'X', scope: 'national', expiresOn: inDays(10) })) as Response
    expect(posted.status).toBe(403)
  })
})
