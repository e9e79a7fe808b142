import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { hashSecret } from '~/auth/secret-hash.server'
import { prisma } from '~/db.server'
import type { FieldErrors } from '~/forms/field-errors'
import type { Role } from '~/generated/prisma/enums'
import { action, loader } from '~/routes/admin.ticket-issuers._index/route'
import { getTicketSettings, TICKET_SETTING_KEY } from '~/tickets/settings.server'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { createAgency, createProvince } from '../factories/units'

/*
 * /admin/ticket-issuers through its loader and action with real requests
 * (docs/decisions/025-rating-tickets.md): a province administrator issues service tokens for
 * their own province only (shown once, stored as a hash) and sees and revokes only those; the
 * Ministry administrator issues for any province; every other role is refused.
 */

const PATH = '/admin/ticket-issuers'
/** The province and the other province's agency the refusal cases post, made per case. */
let provinceId: string | undefined
let otherAgencyCode: string | undefined

async function signedIn(role: Role, provinceId: string | null = null) {
  const user = await createUser({ role, provinceId })
  return { user, cookie: await sessionCookieFor(user.id) }
}

async function post(cookie: string, fields: Record<string, string>) {
  const token = await getCsrfToken(requestWith(cookie, PATH))
  const body = new URLSearchParams({ ...fields, [CSRF_FIELD]: token ?? '' })
  return action({ request: requestWith(cookie, PATH, { method: 'POST', body }), params: {}, context: {} }).catch((thrown: unknown) => thrown)
}

const page = (cookie: string) => loader({ request: requestWith(cookie, PATH), params: {}, context: {} }).catch((thrown: unknown) => thrown)

type Issued = { data: { issued: { token: string; name: string } } }
type Refused = { init: { status: number }; data: { fieldErrors: FieldErrors } }

describe('the rating-ticket tokens page', () => {
  test('a province administrator issues for their own province, whatever the form says, and sees only its tokens', async () => {
    const own = await createProvince()
    const other = await createProvince()
    const { cookie } = await signedIn('province_admin', own.id)
    const ministry = await signedIn('ministry_admin')
    const elsewhere = (await post(ministry.cookie, { intent: 'create', name: 'Tỉnh khác', provinceId: other.id })) as Issued

    const answer = (await post(cookie, { intent: 'create', name: 'Một cửa điện tử tỉnh', provinceId: other.id })) as Issued
    const { token } = answer.data.issued
    expect(token).toMatch(/^sipas_tk_[A-Za-z0-9_-]{43}$/)
    const row = await prisma.ticketIssuer.findUniqueOrThrow({ where: { tokenHash: hashSecret(token) } })
    expect(row).toMatchObject({ name: 'Một cửa điện tử tỉnh', provinceId: own.id, agencyId: null, revokedAt: null, prefix: token.slice(0, 15) })
    expect(await prisma.auditEvent.count({ where: { action: 'ticket_issuer.created', target: `ticket_issuer:${row.id}` } })).toBe(1)

    const listed = (await page(cookie)) as Awaited<ReturnType<typeof loader>>
    expect(JSON.stringify(listed)).not.toContain(token)
    expect(listed.issuers.map((issuer) => issuer.id)).toEqual([row.id])
    expect(listed.issuers[0]).toMatchObject({ provinceName: own.name, useCount: 0 })

    // Another province's token is not theirs to revoke.
    const otherRow = await prisma.ticketIssuer.findUniqueOrThrow({ where: { tokenHash: hashSecret(elsewhere.data.issued.token) } })
    const refused = (await post(cookie, { intent: 'revoke', issuerId: otherRow.id })) as Refused
    expect(refused.init.status).toBe(400)
    expect(refused.data.fieldErrors).toEqual({ issuerId: { key: 'issuers.errors.issuer' } })
    expect((await prisma.ticketIssuer.findUniqueOrThrow({ where: { id: otherRow.id } })).revokedAt).toBeNull()

    expect(await post(cookie, { intent: 'revoke', issuerId: row.id })).toEqual({ revoked: true })
    expect((await prisma.ticketIssuer.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull()
    expect(await prisma.auditEvent.count({ where: { action: 'ticket_issuer.revoked', target: `ticket_issuer:${row.id}` } })).toBe(1)
  })

  test('the Ministry administrator issues for one agency of a province', async () => {
    const province = await createProvince()
    const agency = await createAgency({ provinceId: province.id })
    const { cookie } = await signedIn('ministry_admin')
    const answer = (await post(cookie, { intent: 'create', name: 'Sở Tư pháp', provinceId: province.id, agencyCode: agency.code.toLowerCase() })) as Issued
    const row = await prisma.ticketIssuer.findUniqueOrThrow({ where: { tokenHash: hashSecret(answer.data.issued.token) } })
    expect(row).toMatchObject({ provinceId: province.id, agencyId: agency.id })
    const listed = (await page(cookie)) as Awaited<ReturnType<typeof loader>>
    expect(listed.issuers.find((issuer) => issuer.id === row.id)).toMatchObject({ agencyCode: agency.code, provinceName: province.name })
    expect(listed.choosesProvince).toBe(true)
  })

  test('a centrally-run city counts as a province', async () => {
    const city = await prisma.adminUnit.create({
      data: { id: randomUUID(), code: `C${randomUUID().slice(0, 6)}`, name: 'Thành phố Hải Phòng', kind: 'city', validFrom: new Date('2025-07-01') },
      select: { id: true },
    })
    const { cookie } = await signedIn('province_admin', city.id)
    const answer = (await post(cookie, { intent: 'create', name: 'Một cửa thành phố' })) as Issued
    expect((await prisma.ticketIssuer.findUniqueOrThrow({ where: { tokenHash: hashSecret(answer.data.issued.token) } })).provinceId).toBe(city.id)
  })

  test.each([
    ['an empty name', 'ministry_admin', () => ({ name: ' ', provinceId: provinceId! }), 'name'],
    ['no province', 'ministry_admin', () => ({ name: 'X', provinceId: '' }), 'provinceId'],
    ['an unknown agency', 'ministry_admin', () => ({ name: 'X', provinceId: provinceId!, agencyCode: 'NO-SUCH-AGENCY' }), 'agencyCode'],
    ['another province’s agency', 'province_admin', () => ({ name: 'X', agencyCode: otherAgencyCode! }), 'agencyCode'],
  ] as const)('refuses %s with 400 and issues nothing', async (_, role, fields, field) => {
    const province = await createProvince()
    provinceId = province.id
    otherAgencyCode = (await createAgency({ provinceId: (await createProvince()).id })).code
    const { cookie } = await signedIn(role, role === 'province_admin' ? province.id : null)
    const before = await prisma.ticketIssuer.count()
    const answer = (await post(cookie, { intent: 'create', ...fields() })) as Refused
    expect(answer.init.status).toBe(400)
    expect(Object.keys(answer.data.fieldErrors)).toEqual([field])
    expect(await prisma.ticketIssuer.count()).toBe(before)
  })

  test('the Ministry administrator sets how long tickets stay valid; a province administrator may not', async () => {
    const ministry = await signedIn('ministry_admin')
    expect(await post(ministry.cookie, { intent: 'settings', expiryDays: '21' })).toEqual({ saved: true })
    expect((await getTicketSettings()).expiryDays).toBe(21)
    expect((await prisma.setting.findUniqueOrThrow({ where: { key: TICKET_SETTING_KEY } })).value).toEqual({ expiryDays: 21 })
    const refused = (await post(ministry.cookie, { intent: 'settings', expiryDays: '91' })) as Refused
    expect(refused.init.status).toBe(400)
    expect(refused.data.fieldErrors).toEqual({ expiryDays: { key: 'issuers.errors.expiryDays' } })
    const province = await signedIn('province_admin', (await createProvince()).id)
    expect(((await post(province.cookie, { intent: 'settings', expiryDays: '5' })) as Response).status).toBe(403)
    expect((await getTicketSettings()).expiryDays).toBe(21)
    await post(ministry.cookie, { intent: 'settings', expiryDays: '14' })
  })

  test.each(['ministry_analyst', 'agency_manager', 'agency_viewer', 'clerk'] as const)('a %s is refused with 403', async (role) => {
    const province = await createProvince()
    const { cookie } = await signedIn(role, province.id)
    expect(((await page(cookie)) as Response).status).toBe(403)
    const before = await prisma.ticketIssuer.count()
    expect(((await post(cookie, { intent: 'create', name: 'X' })) as Response).status).toBe(403)
    expect(await prisma.ticketIssuer.count()).toBe(before)
  })
})
