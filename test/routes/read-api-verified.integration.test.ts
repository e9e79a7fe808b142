import { beforeAll, describe, expect, test } from 'vitest'
import { RESPONSE_MARKS } from '~/quality/flags'
import { IndicesPageSchema, RankingPageSchema } from '~/read-api/schemas'
import { createApiToken } from '~/read-api/tokens.server'
import { loader as indicesLoader } from '~/routes/api.v1.indices'
import { loader as rankingsLoader } from '~/routes/api.v1.rankings'
import { createUser } from '../factories/accounts'
import { type Survey, createSurvey, storeResponses, uniformAnswers } from '../factories/survey'

/*
 * The read API on all or verified responses: province 0 has 40 responses of which 32 are
 * verified, province 1 has 35 with none verified.
 */
let survey: Survey
let token: string

beforeAll(async () => {
  survey = await createSurvey({ provinces: 2, agencies: 1, servicePoints: 1, versions: ['sipas-2023'] })
  const version = survey.versions[0]!
  const spec = (servicePoint: Survey['servicePoints'][number], verified: boolean) => ({
    version,
    servicePoint,
    submittedOn: '2025-05-05',
    flags: verified ? RESPONSE_MARKS.VERIFIED : 0,
    answers: uniformAnswers(version.definition, 4),
  })
  const [sp0, sp1] = survey.servicePoints
  await storeResponses(survey, [
    ...Array.from({ length: 40 }, (_, i) => spec(sp0!, i < 32)),
    ...Array.from({ length: 35 }, () => spec(sp1!, false)),
  ])
  const admin = await createUser({ role: 'ministry_admin' })
  token = (await createApiToken({ name: 'verified', provinceId: null, expiresAt: new Date(Date.now() + 86_400_000) }, admin.id)).token
})

async function get(loader: typeof indicesLoader, path: string) {
  const request = new Request(new URL(path, 'http://localhost'), { headers: { Authorization: `Bearer ${token}` } })
  const response = await loader({ request, params: {}, context: {} })
  return { status: response.status, body: await response.json() }
}

const p = (i: number) => survey.servicePoints[i]!.provinceId

describe('GET /api/v1/indices', () => {
  test('each unit carries its verified count and share; the basis is the official one by default', async () => {
    const { status, body } = await get(indicesLoader, '/api/v1/indices?period=2025&level=province')
    expect(status).toBe(200)
    const page = IndicesPageSchema.parse(body)
    expect(page.responses).toBe('all')
    const byUnit = new Map(page.data.map((row) => [row.unitId, row]))
    expect(byUnit.get(p(0))).toMatchObject({ n: 40, verified: 32, verifiedShare: 80 })
    expect(byUnit.get(p(1))).toMatchObject({ n: 35, verified: 0, verifiedShare: 0 })
  })

  test('responses=verified counts the verified responses alone', async () => {
    const { body } = await get(indicesLoader, '/api/v1/indices?period=2025&level=province&responses=verified')
    const page = IndicesPageSchema.parse(body)
    expect(page.responses).toBe('verified')
    expect(page.data.map((row) => [row.unitId, row.n, row.verified, row.verifiedShare])).toEqual([[p(0), 32, 32, 100]])
  })

  test('an unknown basis is a 400 invalid_parameter, in the error shape of the API', async () => {
    const { status, body } = await get(indicesLoader, '/api/v1/indices?period=2025&level=province&responses=ticketed')
    expect(status).toBe(400)
    expect(body.error).toMatchObject({ code: 'invalid_parameter' })
  })
})

describe('GET /api/v1/rankings', () => {
  test('rows carry verified counts; responses=verified ranks on the verified responses alone', async () => {
    const all = RankingPageSchema.parse((await get(rankingsLoader, '/api/v1/rankings?year=2025')).body)
    expect(all.responses).toBe('all')
    expect(all.data.find((row) => row.unitId === p(0))).toMatchObject({ n: 40, verified: 32, status: 'ranked' })
    expect(all.data.find((row) => row.unitId === p(1))).toMatchObject({ n: 35, verified: 0, status: 'ranked' })
    const verified = RankingPageSchema.parse((await get(rankingsLoader, '/api/v1/rankings?year=2025&responses=verified')).body)
    expect(verified.responses).toBe('verified')
    expect(verified.data.find((row) => row.unitId === p(0))).toMatchObject({ n: 32, verified: 32, status: 'ranked' })
    expect(verified.data.find((row) => row.unitId === p(1))).toMatchObject({ n: null, status: 'noData' })
  })
})
