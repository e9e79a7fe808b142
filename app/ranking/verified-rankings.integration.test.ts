import { beforeAll, describe, expect, test } from 'vitest'
import { OFFICIAL_BASIS_SETTING_KEY, forgetOfficialBasis } from '~/aggregation/official-basis.server'
import { prisma } from '~/db.server'
import { RESPONSE_MARKS } from '~/quality/flags'
import { createUser } from '../../test/factories/accounts'
import { type ResponseSpec, type Survey, createSurvey, storeResponses, uniformAnswers } from '../../test/factories/survey'
import { freezeRanking, getRanking } from './rankings.server'

/*
 * Two provinces whose order turns round on verified responses only: province 0 has 60 unverified
 * "very satisfied" responses and 30 verified "very dissatisfied" ones; province 1 has 30 verified
 * "very satisfied" and 30 unverified "very dissatisfied" ones.
 */
let survey: Survey
let p0: string, p1: string

const many = (count: number, servicePoint: Survey['servicePoints'][number], value: number, verified: boolean): ResponseSpec[] =>
  Array.from({ length: count }, () => ({
    version: survey.versions[0]!,
    servicePoint,
    submittedOn: '2026-04-02',
    flags: verified ? RESPONSE_MARKS.VERIFIED : 0,
    answers: uniformAnswers(survey.versions[0]!.definition, value),
  }))

beforeAll(async () => {
  survey = await createSurvey({ provinces: 2, agencies: 1, servicePoints: 1, versions: ['sipas-2023'] })
  const [sp0, sp1] = survey.servicePoints
  ;[p0, p1] = [sp0!.provinceId, sp1!.provinceId]
  await storeResponses(survey, [...many(60, sp0!, 5, false), ...many(30, sp0!, 1, true), ...many(30, sp1!, 5, true), ...many(30, sp1!, 1, false)])
})

const query = { year: 2026, index: 'SIPAS' as const, peerGroup: 'provinces' as const, provinceId: null }
const summary = (rows: Awaited<ReturnType<typeof getRanking>>['rows']) =>
  rows.map((row) => [row.unitId, row.rank, row.n, row.verified, row.status])

describe('rankings on all or verified responses', () => {
  test('all responses by default, each row with its verified count', async () => {
    const ranking = await getRanking(query)
    expect(ranking.responses).toBe('all')
    expect(summary(ranking.rows)).toEqual([
      [p0, 1, 90, 30, 'ranked'],
      [p1, 2, 60, 30, 'ranked'],
    ])
  })

  test('verified only: the ranking of the verified responses alone', async () => {
    const ranking = await getRanking({ ...query, responses: 'verified' })
    expect(ranking.responses).toBe('verified')
    expect(summary(ranking.rows)).toEqual([
      [p1, 1, 30, 30, 'ranked'],
      [p0, 2, 30, 30, 'ranked'],
    ])
    expect(ranking.rows.map((row) => row.score)).toEqual([100, 0])
  })

  test('the official basis decides the default and what a frozen ranking is made of, which it records', async () => {
    const admin = await createUser({ role: 'ministry_admin' })
    await prisma.setting.create({ data: { key: OFFICIAL_BASIS_SETTING_KEY, value: { responses: 'verified' } } })
    forgetOfficialBasis()
    try {
      expect((await getRanking(query)).rows[0]!.unitId).toBe(p1)
      await freezeRanking(query, admin.id)
      const frozen = await getRanking(query)
      expect(frozen).toMatchObject({ status: { kind: 'frozen' }, responses: 'verified' })
      const stored = await prisma.rankingSnapshot.findFirstOrThrow({ select: { rows: true } })
      expect(stored.rows).toMatchObject({ responses: 'verified' })
      // asking for all responses is not the frozen ranking: it is computed live
      const live = await getRanking({ ...query, responses: 'all' })
      expect(live).toMatchObject({ status: { kind: 'provisional' }, responses: 'all' })
      expect(live.rows[0]!.unitId).toBe(p0)
      expect((await getRanking({ ...query, responses: 'verified' })).status.kind).toBe('frozen')
    } finally {
      await prisma.setting.delete({ where: { key: OFFICIAL_BASIS_SETTING_KEY } })
      forgetOfficialBasis()
    }
  })
})
