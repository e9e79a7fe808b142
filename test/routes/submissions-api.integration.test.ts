import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { KIOSK_TOKEN_HEADER } from '~/auth/kiosk-token'
import { revokeKiosk } from '~/kiosk/devices.server'
import { createEnrolledKiosk } from '../factories/kiosks'
import { resetRateLimits } from '~/auth/rate-limit.server'
import { prisma } from '~/db.server'
import { action, loader } from '~/routes/api.submissions'
import { serveSubmissionApi } from '~/responses/submission-http.server'
import { MAX_REQUEST_BODY_BYTES } from '../../server/request-body'
import { createSurveyPoint, envelopeFor, storedCounts, VALID_ANSWERS } from '../factories/submissions'
import { MAX_TEXT_ANSWER_LENGTH } from '~/questionnaire/definition'
import { MAX_HONEYPOT_LENGTH, MAX_SERVICE_POINT_CODE_LENGTH, MAX_VERSION_ID_LENGTH } from '~/responses/envelope'

/*
 * POST /api/submissions, the HTTP side of the contract (methods, content type, body limits,
 * kiosk tokens, budgets, error format and language), through both ways in: the Remix route
 * module called with real Request objects, and the handler the server mounts ahead of Remix
 * (ADR 015, server/submissions.ts) in a real Node HTTP server. The storage semantics are tested in
 * submit.integration.test.ts.
 */

type Point = Awaited<ReturnType<typeof createSurveyPoint>>
type ErrorBody = {
  error: {
    code: string
    message: string
    params?: Record<string, unknown>
    issues?: { code: string; itemCode: string; message: string }[]
  }
}

const URL_ = 'http://localhost/api/submissions'
let point: Point

function post(body: unknown, init: { headers?: Record<string, string>; url?: string; raw?: string } = {}) {
  return new Request(init.url ?? URL_, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body: init.raw ?? JSON.stringify(body),
  })
}

type Transport = (request: Request, clientIp: string) => Promise<Response>

const throughRoute: Transport = async (request, clientIp) => {
  const args = { request, context: { clientIp }, params: {} } as never
  return request.method === 'GET' ? loader(args) : action(args)
}

// The server passes the address Express would give as req.ip; here the test says which address it is.
const CLIENT_IP_HEADER = 'X-Test-Client-Ip'
let base = ''
const node = createServer(
  (req, res) => void serveSubmissionApi(req, res, String(req.headers[CLIENT_IP_HEADER.toLowerCase()]))
)
const throughNode: Transport = async (request, clientIp) => {
  const url = new URL(request.url)
  const headers = new Headers(request.headers)
  headers.set(CLIENT_IP_HEADER, clientIp)
  const body = request.method === 'GET' ? undefined : await request.arrayBuffer()
  return fetch(`${base}${url.pathname}${url.search}`, { method: request.method, headers, body })
}

const transports = { 'the Remix route': throughRoute, 'the direct Node handler': throughNode }
let send: Transport = throughRoute

async function call(request: Request, clientIp = '192.0.2.10') {
  const response = await send(request, clientIp)
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown> & ErrorBody,
  }
}

/*
 * Each string of a submission with a NUL, a lone surrogate, and more characters than its field
 * takes: a NUL reaching PostgreSQL made it refuse the statement (500, which a kiosk's queue
 * retries forever). Each case: the field (or answer), the envelope, the code and the params.
 */
type BadString = 'NUL' | 'lone surrogate' | 'over-long'
const BAD_STRINGS: readonly BadString[] = ['NUL', 'lone surrogate', 'over-long']
const spoil = (valid: string, bad: BadString, max: number) =>
  bad === 'NUL' ? `${valid}\u0000` : bad === 'lone surrogate' ? `${valid}\uD800` : 'x'.repeat(max + 1)
/** Fields without a length limit of their own (UUID, enums, timestamps) are refused long before this. */
const LONG = 1000
const ISO = '2026-01-01T08:00:00+07:00'

function unstorableStrings() {
  const envelopeFields = [
    ['id', () => crypto.randomUUID(), LONG],
    ['versionId', () => point.versionId, MAX_VERSION_ID_LENGTH],
    ['servicePointCode', () => point.servicePoint.code, MAX_SERVICE_POINT_CODE_LENGTH],
    ['language', () => 'vi', LONG],
    ['channel', () => 'phone', LONG],
    ['startedAt', () => ISO, LONG],
    ['form', () => 'full', LONG],
    ['completedAt', () => ISO, LONG],
    ['website', () => '', MAX_HONEYPOT_LENGTH],
  ] as const
  const textCode = { NUL: 'text_nul', 'lone surrogate': 'text_invalid_unicode', 'over-long': 'text_too_long' } as const
  return BAD_STRINGS.flatMap((bad) => [
    ...envelopeFields.map(([field, valid, max]) => ({
      name: `${bad} in ${field}`,
      body: () => envelopeFor(point, { [field]: spoil(valid(), bad, max) }),
      code: 'invalid_envelope',
      params: { field },
    })),
    {
      name: `${bad} in an answer's item code`,
      body: () => envelopeFor(point, { answers: { ...VALID_ANSWERS, [spoil('svc.general', bad, LONG)]: 4 } }),
      code: 'unknown_item',
      params: { itemCode: spoil('svc.general', bad, LONG) },
    },
    {
      name: `${bad} in a coded answer`,
      body: () => envelopeFor(point, { answers: { ...VALID_ANSWERS, 'svc.general': spoil('4', bad, LONG) } }),
      code: 'wrong_type',
      params: { itemCode: 'svc.general' },
    },
    {
      name: `${bad} in the comment`,
      body: () => envelopeFor(point, { answers: { ...VALID_ANSWERS, comment: spoil('Tốt', bad, MAX_TEXT_ANSWER_LENGTH) } }),
      code: textCode[bad],
      params: { itemCode: 'comment' },
    },
  ])
}

beforeAll(async () => {
  node.listen(0, '127.0.0.1')
  await new Promise((resolve) => node.once('listening', resolve))
  base = `http://127.0.0.1:${(node.address() as AddressInfo).port}`
  point = await createSurveyPoint()
  await call(post(envelopeFor(point))) // warm-up (caches, query compiler)
})
afterAll(() => node.close())
beforeEach(() => resetRateLimits())

describe.each(Object.entries(transports))('through %s', (_name, transport) => {
  beforeAll(() => {
    send = transport
  })

  describe('POST /api/submissions', () => {
    test('stores a submission: 201 with the id and a receipt, then 200 with the same receipt on replay', async () => {
      const body = envelopeFor(point, { channel: 'phone' })
      const first = await call(post(body))
      expect(first.status).toBe(201)
      expect(first.body).toEqual({ id: body.id, receiptId: expect.any(String) })
      expect(first.headers.get('Cache-Control')).toBe('no-store')
      const replay = await call(post(body))
      expect(replay).toMatchObject({ status: 200, body: { id: body.id, receiptId: first.body.receiptId } })
      const stored = await prisma.response.findUniqueOrThrow({
        where: { id: body.id },
        select: { channel: true, kioskId: true },
      })
      expect(stored).toEqual({ channel: 'phone', kioskId: null })
    })

    test('50 concurrent identical requests store one response; all 2xx with the same receipt', async () => {
      const body = envelopeFor(point)
      const results = await Promise.all(Array.from({ length: 50 }, () => call(post(body))))
      expect(results.map((r) => r.status).sort()).toEqual([...Array(49).fill(200), 201].sort())
      expect(new Set(results.map((r) => r.body.receiptId)).size).toBe(1)
      expect(await prisma.response.count({ where: { id: body.id } })).toBe(1)
    })

    test('a changed replay is 409 id_conflict', async () => {
      const body = envelopeFor(point)
      await call(post(body))
      const changed = await call(post({ ...body, answers: { ...VALID_ANSWERS, 'svc.polite': 2 } }))
      expect(changed).toMatchObject({ status: 409, body: { error: { code: 'id_conflict' } } })
    })

    test('without a kiosk token the channel is web unless the envelope says phone', async () => {
      const body = envelopeFor(point)
      await call(post(body))
      expect(await prisma.response.findUniqueOrThrow({ where: { id: body.id }, select: { channel: true } })).toEqual({
        channel: 'web',
      })
    })
  })

  describe('kiosks', () => {
    test('a valid token makes the channel kiosk and records the device', async () => {
      const kiosk = await createEnrolledKiosk({ name: 'Ki-ốt tầng 1', servicePointId: point.servicePoint.id })
      const body = envelopeFor(point, { channel: 'web' })
      const result = await call(post(body, { headers: { [KIOSK_TOKEN_HEADER]: kiosk.token } }))
      expect(result.status).toBe(201)
      expect(
        await prisma.response.findUniqueOrThrow({ where: { id: body.id }, select: { channel: true, kioskId: true } })
      ).toEqual({
        channel: 'kiosk',
        kioskId: kiosk.id,
      })
    })

    test('an unknown token is 401; a revoked one and a kiosk of another service point are 403', async () => {
      const before = await storedCounts()
      expect(
        (await call(post(envelopeFor(point), { headers: { [KIOSK_TOKEN_HEADER]: 'forged' } }))).body.error.code
      ).toBe('invalid_kiosk_token')
      const revoked = await createEnrolledKiosk({ name: 'Cũ', servicePointId: point.servicePoint.id })
      await revokeKiosk(revoked.id)
      const refused = await call(post(envelopeFor(point), { headers: { [KIOSK_TOKEN_HEADER]: revoked.token } }))
      expect(refused).toMatchObject({ status: 403, body: { error: { code: 'kiosk_revoked' } } })
      const elsewhere = await createSurveyPoint()
      const kiosk = await createEnrolledKiosk({ name: 'Ki-ốt', servicePointId: elsewhere.servicePoint.id })
      const mismatch = await call(post(envelopeFor(point), { headers: { [KIOSK_TOKEN_HEADER]: kiosk.token } }))
      expect(mismatch).toMatchObject({ status: 403, body: { error: { code: 'kiosk_service_point_mismatch' } } })
      expect(await storedCounts()).toEqual(before)
    })

    test('a kiosk revoked while its token is cached is refused from its next submission', async () => {
      const kiosk = await createEnrolledKiosk({ name: 'Quầy 2', servicePointId: point.servicePoint.id })
      expect((await call(post(envelopeFor(point), { headers: { [KIOSK_TOKEN_HEADER]: kiosk.token } }))).status).toBe(
        201
      )
      await revokeKiosk(kiosk.id)
      const refused = await call(post(envelopeFor(point), { headers: { [KIOSK_TOKEN_HEADER]: kiosk.token } }))
      expect(refused).toMatchObject({ status: 403, body: { error: { code: 'kiosk_revoked' } } })
    })
  })

  describe('refusals: status, code, a message in the request’s language, nothing written', () => {
    test.each([
      ['a GET', () => new Request(URL_), 405, 'method_not_allowed'],
      [
        'a PUT',
        () => new Request(URL_, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
        405,
        'method_not_allowed',
      ],
      [
        'a form post',
        () => new Request(URL_, { method: 'POST', body: new URLSearchParams({ a: '1' }) }),
        415,
        'unsupported_media_type',
      ],
      ['no content type', () => new Request(URL_, { method: 'POST', body: '{}' }), 415, 'unsupported_media_type'],
      ['malformed JSON', () => post(null, { raw: '{"id": ' }), 400, 'invalid_json'],
      [
        'a duplicated item',
        () =>
          post(null, {
            raw: `{"id":"${crypto.randomUUID()}","versionId":"v","servicePointCode":"x","answers":{"screen":1,"screen":2}}`,
          }),
        400,
        'duplicate_key',
      ],
      [
        'a body over the limit',
        () => post(null, { raw: `{"website":"${'x'.repeat(MAX_REQUEST_BODY_BYTES)}"}` }),
        413,
        'payload_too_large',
      ],
      ['an unknown field', () => post(envelopeFor(point, { note: 'hi' })), 400, 'unknown_field'],
      [
        'an answer out of range',
        () => post(envelopeFor(point, { answers: { ...VALID_ANSWERS, 'svc.general': 9 } })),
        400,
        'out_of_range',
      ],
      [
        'an unknown service point',
        () => post(envelopeFor(point, { servicePointCode: 'nowhere' })),
        404,
        'unknown_service_point',
      ],
    ])('%s → %i %s', async (_name, request, status, code) => {
      const before = await storedCounts()
      const response = await send(request(), '192.0.2.11')
      const body = (await response.json()) as ErrorBody
      expect({ status: response.status, code: body.error.code }).toEqual({ status, code })
      expect(body.error.message).toEqual(expect.any(String))
      if (status === 405) expect(response.headers.get('Allow')).toBe('POST')
      expect(await storedCounts()).toEqual(before)
    })

    test.each(unstorableStrings())('$name → 400 $code, nothing stored', async ({ body, code, params }) => {
      const before = await storedCounts()
      const refused = await call(post(body()))
      expect({ status: refused.status, code: refused.body.error.code }).toEqual({ status: 400, code })
      expect(refused.body.error.params).toMatchObject(params)
      expect(refused.body.error.message).toEqual(expect.any(String))
      expect(await storedCounts()).toEqual(before)
    })

    test('messages are Vietnamese by default and English on request', async () => {
      const body = envelopeFor(point, { answers: { ...VALID_ANSWERS, 'svc.general': 9 } })
      const vi = await call(post(body))
      const en = await call(post(body, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } }))
      const query = await call(post(body, { url: `${URL_}?lng=en` }))
      expect(vi.body.error.message).toBe('Vui lòng chọn một giá trị từ 1 đến 5.')
      expect(en.body.error.message).toBe('Please choose a value from 1 to 5.')
      expect(query.body.error.message).toBe(en.body.error.message)
      expect(en.body.error.issues).toEqual([
        { code: 'out_of_range', itemCode: 'svc.general', message: 'Please choose a value from 1 to 5.' },
      ])
      expect(en.body.error.params).toMatchObject({ itemCode: 'svc.general', min: 1, max: 5 })
    })

    test('a spent budget is 429 with Retry-After, in the same error format', async () => {
      let last = await call(post(null, { raw: '{' }), '192.0.2.99')
      for (let i = 0; i < 130 && last.status !== 429; i++) last = await call(post(null, { raw: '{' }), '192.0.2.99')
      expect(last.status).toBe(429)
      expect(Number(last.headers.get('Retry-After'))).toBeGreaterThan(0)
      expect(last.body.error.code).toBe('rate_limited')
      // Another address still has its budget.
      expect((await call(post(envelopeFor(point)), '192.0.2.100')).status).toBe(201)
    })
  })
})
