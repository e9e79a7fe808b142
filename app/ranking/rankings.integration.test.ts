import { beforeAll, describe, expect, test } from 'vitest'
import { listAuditEvents } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { createUser } from '../../test/factories/accounts'
import { type ResponseSpec, type Survey, createSurvey, storeResponses, uniformAnswers } from '../../test/factories/survey'
import { importExternalScores } from './external-import.server'
import { setGroupThresholds } from './ranking-settings.server'
import { computeRanking, freezeRanking, getRanking } from './rankings.server'

/*
 * A small world across a merger: province 0 absorbed old-a and old-b on 2025-07-01; provinces 1
 * and 2 continue. The default minimum n (30) applies.
 */
const OLD = ['old-a', 'old-b']
let survey: Survey
let adminId: string
let p0: string, p1: string, p2: string

const many = (count: number, spec: Omit<ResponseSpec, 'version' | 'answers'> & { value: number }): ResponseSpec[] =>
  Array.from({ length: count }, () => ({
    version: survey.versions[0]!,
    servicePoint: spec.servicePoint,
    provinceId: spec.provinceId,
    submittedOn: spec.submittedOn,
    answers: uniformAnswers(survey.versions[0]!.definition, spec.value),
  }))

beforeAll(async () => {
  survey = await createSurvey({ provinces: 3, agencies: 1, servicePoints: 1, merged: { ids: OLD, on: '2025-07-01' }, versions: ['sipas-2023'] })
  const [sp0, sp1, sp2] = survey.servicePoints
  ;[p0, p1, p2] = [sp0!.provinceId, sp1!.provinceId, sp2!.provinceId]
  adminId = (await createUser({ role: 'ministry_admin' })).id
  await storeResponses(survey, [
    // 2024: province 0's predecessors, 0 % and 100 %; provinces 1 and 2 both 100 %.
    ...many(40, { servicePoint: sp0!, provinceId: 'old-a', submittedOn: '2024-05-02', value: 1 }),
    ...many(40, { servicePoint: sp0!, provinceId: 'old-b', submittedOn: '2024-05-03', value: 5 }),
    ...many(40, { servicePoint: sp1!, submittedOn: '2024-05-04', value: 5 }),
    ...many(40, { servicePoint: sp2!, submittedOn: '2024-05-05', value: 4 }),
    // 2025: province 0 at 100 % (10 answers still under old-a before the merger), province 1 at
    // 75 %, province 2 with too few respondents.
    ...many(10, { servicePoint: sp0!, provinceId: 'old-a', submittedOn: '2025-03-01', value: 5 }),
    ...many(30, { servicePoint: sp0!, submittedOn: '2025-09-10', value: 5 }),
    ...many(30, { servicePoint: sp1!, submittedOn: '2025-09-11', value: 5 }),
    ...many(10, { servicePoint: sp1!, submittedOn: '2025-09-12', value: 2 }),
    ...many(10, { servicePoint: sp2!, submittedOn: '2025-09-13', value: 5 }),
  ])
})

const query = (year: number, index: 'SIPAS' | 'PAR_INDEX' | 'PCI' = 'SIPAS') => ({ year, index, peerGroup: 'provinces' as const, provinceId: null })

describe('the SIPAS ranking of provinces', () => {
  test('2025 is ranked against a pro-forma 2024 re-aggregated over the provinces of 2025', async () => {
    const ranking = await getRanking(query(2025))
    expect(ranking.status).toEqual({ kind: 'provisional' })
    expect(ranking.rows.map((row) => [row.unitId, row.score, row.n, row.rank, row.change, row.group, row.status])).toEqual([
      // pro-forma 2024: provinces 1 and 2 tied first (100), province 0 third (40 + 40 answers → 50)
      [p0, 100, 40, 1, 2, 'A', 'ranked'],
      [p1, 75, 40, 2, -1, 'C', 'ranked'],
      [p2, null, 10, null, null, null, 'insufficientSample'],
    ])
    expect(ranking).toMatchObject({ baseline: 'pro-forma', reorganisation: true, outOf: 2, previousOutOf: 3, minN: 30 })
    expect(ranking.summary).toMatchObject({ count: 2, mean: 87.5, min: 75, max: 100, perGroup: { A: 1, B: 0, C: 1, D: 0 } })
    expect(ranking.summary.cutoffs).toEqual([
      { group: 'A', min: 90, atOrAbove: 1, below: 1 },
      { group: 'B', min: 80, atOrAbove: 1, below: 1 },
      { group: 'C', min: 70, atOrAbove: 2, below: 0 },
    ])
  })

  test('each ranked score carries a 95 % interval around it', async () => {
    const { rows } = await getRanking(query(2025))
    const second = rows[1]!
    expect(second.low).toBeLessThan(75)
    expect(second.high).toBeGreaterThan(75)
    expect(second.tiedWithAbove).toBe(false)
  })

  test('2024 ranks the provinces of 2024, the predecessors among them, with nothing to compare with', async () => {
    const ranking = await getRanking(query(2024))
    const ranked = ranking.rows.filter((row) => row.status === 'ranked')
    expect(ranked.map((row) => [row.unitId, row.rank])).toEqual([
      ['old-b', 1],
      [p1, 1],
      [p2, 1],
      ['old-a', 4],
    ])
    expect(ranking.rows.find((row) => row.unitId === p0)?.status).toBe('noData')
    expect(ranking.baseline).toBeNull()
    expect(ranking.rows.every((row) => row.change === null)).toBe(true)
  })

  test('grade bands follow the setting of that index and year', async () => {
    await setGroupThresholds('SIPAS', 2025, [{ group: 'Tốt', min: 70 }, { group: 'Chưa tốt', min: 0 }], adminId)
    const ranking = await computeRanking(query(2025))
    expect(ranking.rows.slice(0, 2).map((row) => row.group)).toEqual(['Tốt', 'Tốt'])
    expect((await computeRanking(query(2024))).thresholds.map((band) => band.group)).toEqual(['A', 'B', 'C', 'D'])
    await prisma.setting.deleteMany({ where: { key: 'ranking.groups.SIPAS.2025' } })
  })
})

describe('peer groups inside a province', () => {
  test("departments and service points rank on their own answers; a province's communes are an empty group", async () => {
    const sp1 = survey.servicePoints[1]!
    const departments = await getRanking({ year: 2025, index: 'SIPAS', peerGroup: 'departments', provinceId: p1 })
    expect(departments.rows.map((row) => [row.unitId, row.score, row.n, row.rank])).toEqual([[sp1.agencyId, 75, 40, 1]])
    const servicePoints = await getRanking({ year: 2025, index: 'SIPAS', peerGroup: 'servicePoints', provinceId: p1 })
    expect(servicePoints.rows.map((row) => [row.unitId, row.rank])).toEqual([[sp1.id, 1]])
    expect((await getRanking({ year: 2025, index: 'SIPAS', peerGroup: 'communes', provinceId: p1 })).rows).toEqual([])
    // Imported indices are not published for departments.
    expect((await getRanking({ year: 2025, index: 'PCI', peerGroup: 'departments', provinceId: p1 })).rows).toEqual([])
  })
})

describe('imported indices', () => {
  test('rank on the imported scores; across the merger merged provinces show "reorganised"', async () => {
    const units = await prisma.adminUnit.findMany({ where: { id: { in: [p0, p1, p2, ...OLD] } }, select: { id: true, code: true } })
    const code = (id: string) => units.find((unit) => unit.id === id)!.code
    const csv = [
      'unit_code,year,index,score',
      `${code(p0)},2025,PAR_INDEX,91.5`,
      `${code(p1)},2025,PAR_INDEX,93.35`,
      `${code(p1)},2024,PAR_INDEX,80`,
      `${code('old-a')},2024,PAR_INDEX,85`,
    ].join('\n')
    expect(await importExternalScores(csv, adminId, new Date('2026-01-15'))).toEqual({ imported: 4, problems: [] })
    const ranking = await getRanking(query(2025, 'PAR_INDEX'))
    expect(ranking.rows.map((row) => [row.unitId, row.score, row.rank, row.change, row.group, row.n])).toEqual([
      [p1, 93.35, 1, null, 'A', null],
      [p0, 91.5, 2, 'reorganised', 'A', null],
      [p2, null, null, null, null, null],
    ])
    expect(ranking).toMatchObject({ baseline: null, reorganisation: true, previousOutOf: null, minN: null, publishedRanks: false })
  })

  test("show the publisher's ranks when the file gave them, even for one printed score", async () => {
    const units = await prisma.adminUnit.findMany({ where: { id: { in: [p0, p1, p2] } }, select: { id: true, code: true } })
    const code = (id: string) => units.find((unit) => unit.id === id)!.code
    const csv = [
      'unit_code;year;index;score;rank',
      `${code(p0)};2025;PCI;89,13;3`,
      `${code(p1)};2025;PCI;89,13;2`,
      `${code(p2)};2025;PCI;95;1`,
    ].join('\n')
    expect(await importExternalScores(csv, adminId, new Date('2026-01-15'))).toEqual({ imported: 3, problems: [] })
    const ranking = await getRanking(query(2025, 'PCI'))
    expect(ranking.rows.map((row) => [row.unitId, row.score, row.rank])).toEqual([
      [p2, 95, 1],
      [p1, 89.13, 2],
      [p0, 89.13, 3],
    ])
    expect(ranking.publishedRanks).toBe(true)
  })
})

describe('snapshots', () => {
  test('a frozen ranking stays as it was while the live one moves on', async () => {
    const result = await freezeRanking(query(2025), adminId)
    expect(result.frozen).toBe(true)
    const frozen = await getRanking(query(2025))
    expect(frozen.status).toMatchObject({ kind: 'frozen', frozenBy: expect.stringContaining('ministry_admin') })

    // Province 2 reaches the minimum n and overtakes province 1.
    const sp2 = survey.servicePoints[2]!
    await storeResponses(survey, many(30, { servicePoint: sp2, submittedOn: '2025-10-01', value: 5 }))

    const after = await getRanking(query(2025))
    const { status: _frozenStatus, ...frozenTable } = frozen
    const { status, ...afterTable } = after
    expect(status.kind).toBe('frozen')
    expect(afterTable).toEqual(frozenTable)

    const live = await computeRanking(query(2025))
    expect(live.rows.map((row) => [row.unitId, row.rank, row.status])).toEqual([
      [p0, 1, 'ranked'],
      [p2, 1, 'ranked'],
      [p1, 3, 'ranked'],
    ])

    const [event] = await listAuditEvents({ action: 'ranking.frozen', take: 1 })
    expect(event).toMatchObject({ actorId: adminId, details: { index: 'SIPAS', peerGroup: 'provinces', year: 2025, ranked: 2 } })
  })

  test('a period is frozen once', async () => {
    expect(await freezeRanking(query(2025), adminId)).toEqual({ frozen: false, reason: 'alreadyFrozen' })
  })

  test('a ranking with nobody ranked is not frozen', async () => {
    expect(await freezeRanking({ ...query(2023) }, adminId)).toEqual({ frozen: false, reason: 'empty' })
  })

  test("next year's changes are measured against the frozen ranks", async () => {
    await storeResponses(survey, [
      ...many(40, { servicePoint: survey.servicePoints[1]!, submittedOn: '2026-02-01', value: 5 }),
      ...many(40, { servicePoint: survey.servicePoints[0]!, submittedOn: '2026-02-01', value: 2 }),
    ])
    const ranking = await computeRanking(query(2026))
    // Frozen 2025: province 0 first, province 1 second (province 2 was not ranked then).
    expect(ranking.baseline).toBe('previous')
    expect(ranking.rows.filter((row) => row.status === 'ranked').map((row) => [row.unitId, row.rank, row.change])).toEqual([
      [p1, 1, 1],
      [p0, 2, -1],
    ])
  })
})
