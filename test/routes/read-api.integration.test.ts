import { beforeAll, describe, expect, test } from 'vitest'
import { unitFigures } from '~/aggregation/figures.server'
import { yearPeriod } from '~/aggregation/period'
import { listAuditEvents } from '~/audit/audit.server'
import { hashSecret } from '~/auth/secret-hash.server'
import { prisma } from '~/db.server'
import { decodeCursor } from '~/read-api/cursor'
import { READ_API_LIMIT } from '~/auth/rate-limit.server'
import { IndicesPageSchema, RankingPageSchema, UnitsPageSchema } from '~/read-api/schemas'
import { createApiToken, listApiTokens, revokeApiToken } from '~/read-api/tokens.server'
import { loader as indicesLoader } from '~/routes/api.v1.indices'
import { loader as rankingsLoader } from '~/routes/api.v1.rankings'
import { loader as unitsLoader } from '~/routes/api.v1.units'
import { createUser } from '../factories/accounts'
import { type ResponseSpec, type Survey, createSurvey, storeResponses, uniformAnswers } from '../factories/survey'

/*
 * /api/v1 through its route loaders with real Requests (docs/decisions/021-read-api.md): tokens,
 * scopes, errors, pagination, ETags and the per-token budget, over a small world across the 2025
 * merger: province 0 absorbed old-a on 2025-07-01; province 1 continues.
 */

const LOADERS = { units: unitsLoader, indices: indicesLoader, rankings: rankingsLoader }
type Endpoint = keyof typeof LOADERS
type ErrorBody = { error: { code: string; message: string; params?: Record<string, string | number> } }

let survey: Survey
let adminId: string
let p0: string, p1: string
let national: string

const YEAR_FROM_NOW = () => new Date(Date.now() + 365 * 86_400_000)

const many = (count: number, servicePoint: Survey['servicePoints'][number], value: number, submittedOn = '2025-09-10'): ResponseSpec[] =>
  Array.from({ length: count }, () => ({
    version: survey.versions[0]!,
    servicePoint,
    submittedOn,
    answers: uniformAnswers(survey.versions[0]!.definition, value),
  }))

async function issue(provinceId: string | null = null, expiresAt = YEAR_FROM_NOW()) {
  return (await createApiToken({ name: 'Cổng dữ liệu', provinceId, expiresAt }, adminId)).token
}

async function call(endpoint: Endpoint, query: string, token: string | null, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/v1/${endpoint}?${query}`, {
    headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...headers },
  })
  const response = await LOADERS[endpoint]({ request, params: {}, context: {} })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as unknown) : null }
}

beforeAll(async () => {
  survey = await createSurvey({ provinces: 2, agencies: 2, servicePoints: 2, merged: { ids: ['old-a'], on: '2025-07-01' }, versions: ['sipas-2023'] })
  p0 = survey.servicePoints[0]!.provinceId
  p1 = survey.servicePoints.find((point) => point.provinceId !== p0)!.provinceId
  adminId = (await createUser({ role: 'ministry_admin' })).id
  const sp1 = survey.servicePoints.find((point) => point.provinceId === p1)!
  await storeResponses(survey, [...many(40, survey.servicePoints[0]!, 5), ...many(30, sp1, 5), ...many(10, sp1, 1)])
  national = await issue()
})

describe('tokens', () => {
  test('a token is shown once: only its hash and its first characters are stored, and its issue is audited', async () => {
    const issued = await createApiToken({ name: 'Hệ thống báo cáo', provinceId: p0, expiresAt: YEAR_FROM_NOW() }, adminId)
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: issued.id } })
    expect(row.tokenHash).toBe(hashSecret(issued.token))
    expect(Object.values(row).map(String)).not.toContain(issued.token)
    expect(issued.token.startsWith(row.prefix)).toBe(true)
    const listed = (await listApiTokens()).find((token) => token.id === issued.id)!
    expect(JSON.stringify(listed)).not.toContain(issued.token)
    expect(listed).toMatchObject({ prefix: row.prefix, provinceId: p0, revokedAt: null, useCount: 0 })
    const [event] = await listAuditEvents({ action: 'api_token.created', take: 1 })
    expect(event).toMatchObject({ actorId: adminId, target: `api_token:${issued.id}` })
  })

  test('each use is counted, with when it was last used', async () => {
    const token = await issue()
    const before = Date.now()
    for (let i = 0; i < 3; i++) expect((await call('units', 'level=province', token)).status).toBe(200)
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(token) } })
    expect(row.useCount).toBe(3n)
    expect(row.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000)
  })

  test.each([
    ['no Authorization header', null, 'api_token_missing'],
    ['a header without a token of ours', 'Basic abc', 'api_token_unknown'],
    ['an unknown token', `Bearer sipas_${'x'.repeat(43)}`, 'api_token_unknown'],
  ])('%s is answered 401 %s', async (_, header, code) => {
    const answer = await call('units', 'lng=en', null, header === null ? {} : { Authorization: header })
    expect(answer.status).toBe(401)
    expect(answer.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    expect(answer.headers.get('Cache-Control')).toBe('no-store')
    expect((answer.body as ErrorBody).error).toMatchObject({ code })
  })

  test('a revoked token is refused at once, with its own code, in the request’s language', async () => {
    const token = await issue()
    expect((await call('units', '', token)).status).toBe(200)
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(token) } })
    expect(await revokeApiToken(row.id, adminId)).toBe(true)
    expect(await revokeApiToken(row.id, adminId)).toBe(false)
    const answer = await call('units', 'lng=vi', token)
    expect(answer.status).toBe(401)
    expect((answer.body as ErrorBody).error).toEqual({ code: 'api_token_revoked', message: expect.stringContaining('thu hồi') })
    expect(await prisma.auditEvent.count({ where: { action: 'api_token.revoked', target: `api_token:${row.id}` } })).toBe(1)
  })

  test('an expired token is refused, and its refused use is not counted', async () => {
    const token = await issue(null, new Date(Date.now() - 1000))
    const answer = await call('indices', 'period=2025&level=province&lng=en', token)
    expect(answer.status).toBe(401)
    expect((answer.body as ErrorBody).error.code).toBe('api_token_expired')
    expect((answer.body as ErrorBody).error.message).toMatch(/expired/)
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(token) } })).useCount).toBe(0n)
  })

  test(`past ${READ_API_LIMIT.points} requests a minute a token is answered 429 with Retry-After; other tokens go on`, async () => {
    const token = await issue()
    for (let i = 0; i < READ_API_LIMIT.points; i++) expect((await call('units', 'level=province&limit=1', token)).status).toBe(200)
    const refused = await call('units', 'level=province&limit=1&lng=en', token)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((refused.body as ErrorBody).error.code).toBe('api_rate_limited')
    expect((await call('units', 'level=province&limit=1', national)).status).toBe(200)
  })
})

describe('a province token', () => {
  test('lists its province, the provinces merged into it and what lies in them, nothing else', async () => {
    const token = await issue(p0)
    const { body } = await call('units', 'limit=1000', token)
    const units = UnitsPageSchema.parse(body).data
    expect(units.filter((unit) => unit.level === 'province').map((unit) => unit.id).sort()).toEqual(['old-a', p0].sort())
    expect(units.filter((unit) => unit.level !== 'province').every((unit) => unit.provinceId === p0)).toBe(true)
    expect(units.filter((unit) => unit.level === 'servicePoint')).toHaveLength(4)
    expect(units.find((unit) => unit.id === 'old-a')).toMatchObject({ validTo: '2025-07-01', successors: [{ id: p0, effectiveOn: '2025-07-01' }] })
  })

  test('is refused another province’s units with 403', async () => {
    const token = await issue(p0)
    for (const [endpoint, query] of [
      ['units', `province=${p1}`],
      ['indices', `period=2025&level=province&unit=${p1}`],
      ['indices', `period=2025&level=agency&province=${p1}`],
      ['rankings', `year=2025&peerGroup=servicePoints&province=${p1}`],
    ] as const) {
      const answer = await call(endpoint, query, token)
      expect(answer.status, `${endpoint}?${query}`).toBe(403)
      expect((answer.body as ErrorBody).error.code).toBe('outside_token_scope')
    }
  })

  test('reads its own figures, and its own row of the national ranking', async () => {
    const token = await issue(p0)
    const indices = IndicesPageSchema.parse((await call('indices', 'period=2025&level=province', token)).body)
    expect(indices.data.map((row) => row.unitId)).toEqual([p0])
    const ranking = RankingPageSchema.parse((await call('rankings', 'year=2025&index=SIPAS&peerGroup=provinces', token)).body)
    expect(ranking.data.map((row) => [row.unitId, row.rank])).toEqual([[p0, 1]])
    expect(ranking.outOf).toBe(2)
  })
})

describe('figures', () => {
  test('are the figures the pages show; a unit under the minimum n has no values', async () => {
    const { body } = await call('indices', 'period=2025&level=province', national)
    const page = IndicesPageSchema.parse(body)
    const expected = await unitFigures({ period: yearPeriod(2025), level: 'province' })
    expect(page.data.map((row) => [row.unitId, row.sipas.value, row.n]).sort()).toEqual(
      expected.map((row) => [row.unitId, row.figures.sipas, row.figures.n]).sort(),
    )
    const p0Row = page.data.find((row) => row.unitId === p0)!
    expect(p0Row).toMatchObject({ n: 40, suppressed: false, sipas: { value: 100, suppressed: false } })
    expect(p0Row.sipas.low).toBeLessThan(100)
    const item = Object.values(p0Row.items)[0]!
    expect(item).toMatchObject({ value: 100, n: 40, suppressed: false })
    expect(item.low).toBeLessThan(100)

    const service = IndicesPageSchema.parse((await call('indices', `period=2025&level=servicePoint&unit=${survey.servicePoints[0]!.id}`, national)).body)
    expect(service.minN).toBe(30)
    expect(service.data).toHaveLength(1)
    expect(service.data[0]).toMatchObject({ n: 40, suppressed: false })
  })

  test('a suppressed unit carries n but no value', async () => {
    await storeResponses(survey, many(5, survey.servicePoints[1]!, 4, '2025-10-01'))
    const { body } = await call('indices', `period=2025-10&level=servicePoint&unit=${survey.servicePoints[1]!.id}`, national)
    const [row] = IndicesPageSchema.parse(body).data
    expect(row).toMatchObject({ n: 5, suppressed: true, sipas: { value: null, low: null, high: null, suppressed: true } })
    expect(Object.values(row!.elements).every((value) => value === null)).toBe(true)
    expect(Object.values(row!.items).every((item) => item.value === null && item.suppressed)).toBe(true)
  })

  test('the rankings endpoint answers getRanking’s table: rank, change and its baseline, group, ties', async () => {
    const { body } = await call('rankings', 'year=2025&index=SIPAS&peerGroup=provinces', national)
    const ranking = RankingPageSchema.parse(body)
    expect(ranking).toMatchObject({ year: 2025, index: 'SIPAS', peerGroup: 'provinces', status: 'provisional', minN: 30, reorganisation: true })
    expect(ranking.data.map((row) => [row.unitId, row.rank, row.status])).toEqual([
      [p0, 1, 'ranked'],
      [p1, 2, 'ranked'],
    ])
    expect(ranking.data[1]!.tiedWithAbove).toEqual(expect.any(Boolean))
  })
})

describe('ETags', () => {
  const query = 'period=2025&level=province'

  test('the same request twice has the same ETag; sending it back is answered 304 without a body', async () => {
    const first = await call('indices', query, national)
    const second = await call('indices', query, national)
    expect(first.headers.get('ETag')).toMatch(/^"[^"]+"$/)
    expect(second.headers.get('ETag')).toBe(first.headers.get('ETag'))
    expect(first.headers.get('Cache-Control')).toBe('private, no-cache')
    const revalidated = await call('indices', query, national, { 'If-None-Match': first.headers.get('ETag')! })
    expect(revalidated.status).toBe(304)
    expect(revalidated.text).toBe('')
    expect(revalidated.headers.get('ETag')).toBe(first.headers.get('ETag'))
  })

  test('a new response that moves a figure changes the ETag, and the old tag no longer matches', async () => {
    const before = await call('indices', query, national)
    const sp1 = survey.servicePoints.find((point) => point.provinceId === p1)!
    await storeResponses(survey, many(10, sp1, 1, '2025-11-02'))
    const after = await call('indices', query, national, { 'If-None-Match': before.headers.get('ETag')! })
    expect(after.status).toBe(200)
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'))
  })
})

describe('pagination', () => {
  test('walking the next cursors lists every unit exactly once', async () => {
    const all = UnitsPageSchema.parse((await call('units', 'limit=1000', national)).body)
    expect(all.next).toBeNull()
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = UnitsPageSchema.parse((await call('units', `limit=3${cursor ? `&cursor=${cursor}` : ''}`, national)).body)
      expect(page.data.length).toBeLessThanOrEqual(3)
      seen.push(...page.data.map((unit) => unit.id))
      cursor = page.next
      if (cursor) expect(decodeCursor(cursor)).not.toBeNull()
    } while (cursor)
    expect(seen).toEqual(all.data.map((unit) => unit.id))
    expect(new Set(seen).size).toBe(seen.length)
    // 2 provinces + old-a (and whatever other tests add), 4 agencies, 8 service points.
    expect(seen.length).toBeGreaterThanOrEqual(15)
  })
})

describe('bad query parameters', () => {
  test.each([
    ['units', 'level=city', 'level'],
    ['units', 'limit=0', 'limit'],
    ['units', 'limit=1001', 'limit'],
    ['units', 'limit=ten', 'limit'],
    ['units', 'cursor=not-a-cursor', 'cursor'],
    ['units', 'colour=red', 'colour'],
    ['indices', 'level=province', 'period'],
    ['indices', 'period=2025-13&level=province', 'period'],
    ['indices', 'period=2025', 'level'],
    ['indices', 'period=2025&level=province&channel=fax', 'channel'],
    ['rankings', 'year=abc', 'year'],
    ['rankings', 'year=2025&index=HDI', 'index'],
    ['rankings', 'year=2025&peerGroup=departments', 'province'],
  ] as const)('%s?%s is answered 400 naming %s', async (endpoint, query, parameter) => {
    const answer = await call(endpoint, `${query}&lng=en`, national)
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({
      error: { code: 'invalid_parameter', message: `The query parameter “${parameter}” is missing or not valid.`, params: { parameter } },
    })
  })

  test('an unknown unit is answered 404', async () => {
    const answer = await call('indices', 'period=2025&level=agency&unit=no-such-agency', national)
    expect(answer.status).toBe(404)
    expect((answer.body as ErrorBody).error.code).toBe('unknown_unit')
  })
})
