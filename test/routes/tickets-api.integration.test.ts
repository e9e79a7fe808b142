import { beforeAll, describe, expect, test } from 'vitest'
import { resetRateLimits } from '~/auth/rate-limit.server'
import { prisma } from '~/db.server'
import { createApiToken } from '~/read-api/tokens.server'
import { action, loader } from '~/routes/api.v1.tickets'
import { createTicketIssuer, revokeTicketIssuer } from '~/tickets/issuers.server'
import { MintAnswerSchema } from '~/tickets/mint-request'
import { createUser } from '../factories/accounts'
import { createAgency, createProvince, createServicePoint } from '../factories/units'

/*
 * POST /api/v1/tickets through its route with real requests (docs/decisions/025-rating-tickets.md):
 * a service token mints tickets with absolute links, a dossier twice gets one ticket, and every
 * refusal is the one JSON error shape with a stable code, in the request's language, minting
 * nothing.
 */

const URL_ = 'https://sipas.example.gov.vn/api/v1/tickets'
let token: string
let revokedToken: string
let readToken: string
let pointCode: string
let otherProvincePointCode: string
let serial = 0
const dossier = () => `H26-241207-${String(++serial).padStart(5, '0')}`

beforeAll(async () => {
  const province = await createProvince()
  pointCode = (await createServicePoint(await createAgency({ provinceId: province.id }))).code
  otherProvincePointCode = (await createServicePoint(await createAgency({ provinceId: (await createProvince()).id }))).code
  const admin = await createUser({ role: 'province_admin', provinceId: province.id })
  const issue = async () => {
    const created = await createTicketIssuer(admin, { name: 'Một cửa', provinceId: undefined, agencyCode: null })
    if (!('issued' in created)) throw new Error('not issued')
    return created.issued
  }
  token = (await issue()).token
  const revoked = await issue()
  await revokeTicketIssuer(admin, revoked.id)
  revokedToken = revoked.token
  const ministry = await createUser({ role: 'ministry_admin' })
  readToken = (await createApiToken({ name: 'read', provinceId: null, expiresAt: new Date(Date.now() + 86_400_000) }, ministry.id)).token
})

function post(body: unknown, { auth = `Bearer ${token}`, type = 'application/json', language = 'en' } = {}) {
  const headers: Record<string, string> = { 'Content-Type': type, 'Accept-Language': language }
  if (auth) headers.Authorization = auth
  const request = new Request(URL_, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })
  return action({ request, params: {}, context: {} })
}

async function errorOf(response: Response) {
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
  return ((await response.json()) as { error: { code: string; message: string; params?: Record<string, unknown> } }).error
}

describe('minting through the API', () => {
  test('answers one ticket per request with an absolute link, and the same ticket for the same dossier', async () => {
    const code = dossier()
    const response = await post({ tickets: [{ servicePointCode: pointCode.toLowerCase(), field: 'land', dossierCode: code }, { servicePointCode: pointCode, dossierCode: dossier() }] })
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const { tickets } = MintAnswerSchema.parse(await response.json())
    expect(tickets).toHaveLength(2)
    expect(tickets[0]!.url).toMatch(/^https:\/\/sipas\.example\.gov\.vn\/t\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(tickets.map((ticket) => ticket.created)).toEqual([true, true])

    const again = MintAnswerSchema.parse(await (await post({ tickets: [{ servicePointCode: pointCode, field: 'land', dossierCode: code }] })).json())
    expect(again.tickets).toEqual([{ ...tickets[0]!, created: false }])
    const issuer = await prisma.ticketIssuer.findFirstOrThrow({ where: { revokedAt: null }, select: { useCount: true, lastUsedAt: true } })
    expect(issuer.useCount).toBe(2n)
    expect(issuer.lastUsedAt).not.toBeNull()
  })
})

describe('refusals mint nothing', () => {
  const valid = () => ({ tickets: [{ servicePointCode: pointCode, dossierCode: dossier() }] })
  const tooMany = () => ({ tickets: Array.from({ length: 501 }, () => ({ servicePointCode: pointCode, dossierCode: dossier() })) })
  test.each([
    ['no token', () => post(valid(), { auth: '' }), 401, 'issuer_token_missing'],
    ['a token of another shape', () => post(valid(), { auth: 'Bearer nope' }), 401, 'issuer_token_unknown'],
    ['a read-API token', () => post(valid(), { auth: `Bearer ${readToken}` }), 401, 'issuer_token_unknown'],
    ['an unknown service token', () => post(valid(), { auth: `Bearer sipas_tk_${'A'.repeat(43)}` }), 401, 'issuer_token_unknown'],
    ['a revoked service token', () => post(valid(), { auth: `Bearer ${revokedToken}` }), 401, 'issuer_token_revoked'],
    ['a form post', () => post('tickets=1', { type: 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type'],
    ['a body that is not JSON', () => post('{"tickets": ['), 400, 'invalid_json'],
    ['a key twice', () => post(`{"tickets": [{"servicePointCode": "${pointCode}", "dossierCode": "a", "dossierCode": "b"}]}`), 400, 'duplicate_key'],
    ['no tickets', () => post({ tickets: [] }), 400, 'invalid_ticket_request'],
    ['an unknown key', () => post({ tickets: [{ ...valid().tickets[0], citizenName: 'Nguyễn Văn A' }] }), 400, 'invalid_ticket_request'],
    ['an over-long dossier code', () => post({ tickets: [{ servicePointCode: pointCode, dossierCode: 'x'.repeat(65) }] }), 400, 'invalid_ticket_request'],
    ['501 requests', () => post(tooMany()), 413, 'too_many_tickets'],
    ['a service point of another province', () => post({ tickets: [...valid().tickets, { servicePointCode: otherProvincePointCode, dossierCode: dossier() }] }), 403, 'outside_issuer_scope'],
    ['an unknown field', () => post({ tickets: [{ servicePointCode: pointCode, field: 'Land', dossierCode: dossier() }] }), 422, 'unknown_procedure_field'],
  ])('%s', async (_, send, status, code) => {
    const before = await prisma.ratingTicket.count()
    const response = await send()
    expect(response.status).toBe(status)
    expect((await errorOf(response)).code).toBe(code)
    if (status === 401) expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    expect(await prisma.ratingTicket.count()).toBe(before)
  })

  test('the refused request is named, in the language asked', async () => {
    const body = { tickets: [{ servicePointCode: pointCode, dossierCode: dossier() }, { servicePointCode: otherProvincePointCode, dossierCode: dossier() }] }
    const english = await errorOf(await post(body))
    expect(english).toEqual({
      code: 'outside_issuer_scope',
      message: `Request 1: the service point “${otherProvincePointCode}” lies outside this service token’s scope.`,
      params: { index: 1, servicePointCode: otherProvincePointCode },
    })
    const vietnamese = await errorOf(await post(body, { language: 'vi' }))
    expect(vietnamese.message).toBe(`Yêu cầu số 1: điểm phục vụ “${otherProvincePointCode}” không thuộc phạm vi của mã dịch vụ này.`)
    const field = await errorOf(await post({ tickets: [{ servicePointCode: pointCode, dossierCode: '' }] }))
    expect(field.params).toEqual({ field: 'tickets.0.dossierCode' })
  })

  test('GET is 405 with Allow: POST', async () => {
    const response = await loader({ request: new Request(URL_, { headers: { Authorization: `Bearer ${token}` } }), params: {}, context: {} })
    expect(response.status).toBe(405)
    expect(response.headers.get('Allow')).toBe('POST')
    expect((await errorOf(response)).code).toBe('method_not_allowed')
  })

  test('a token past its budget is told when to come back', async () => {
    await resetRateLimits()
    let last: Response | undefined
    for (let call = 0; call < 61; call++) last = await post({ tickets: [] })
    expect(last!.status).toBe(429)
    expect(Number(last!.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((await errorOf(last!)).code).toBe('api_rate_limited')
    await resetRateLimits()
  })
})
