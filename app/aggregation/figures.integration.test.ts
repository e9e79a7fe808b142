import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { DEFAULT_QUALITY_SETTINGS, RESPONSE_MARKS, exclusionMaskOf } from '~/quality/flags'
import { QUALITY_SETTING_KEY, forgetQualitySettings } from '~/quality/settings.server'
import { type Survey, createSurvey, storeResponses, uniformAnswers } from '../../test/factories/survey'
import {
  AGGREGATION_SETTING_KEYS,
  DEFAULT_AGGREGATION_SETTINGS,
  aggregationSettings,
  monthlyTrend,
  nationalFigures,
  unitFigures,
} from './figures.server'
import { OFFICIAL_BASIS_SETTING_KEY, forgetOfficialBasis } from './official-basis.server'
import { parsePeriod } from './period'

const plain = { minN: 0, excludeFlagsMask: 0, useWeights: false }
const period = (text: string) => parsePeriod(text)!

let survey: Survey
let sp: Survey['servicePoints']
const OLD = ['old-a', 'old-b']

beforeAll(async () => {
  survey = await createSurvey({
    provinces: 2,
    agencies: 2,
    servicePoints: 1,
    merged: { ids: OLD, on: '2025-07-01' },
    versions: ['sipas-2023', 'sipas-2023', 'sipas-2017'],
  })
  sp = survey.servicePoints
  const [v1, v2, old] = survey.versions
  const answer = (value: number) => uniformAnswers(v1!.definition, value)
  await storeResponses(survey, [
    // province 0, agency 0: March and April 2025
    { version: v1!, servicePoint: sp[0]!, submittedOn: '2025-03-04', answers: answer(5) },
    // given with a rating ticket: verified, and no quality flag
    { version: v1!, servicePoint: sp[0]!, submittedOn: '2025-03-10', answers: answer(5), flags: RESPONSE_MARKS.VERIFIED },
    { version: v2!, servicePoint: sp[0]!, submittedOn: '2025-03-25', answers: answer(1), channel: 'phone' },
    { version: v1!, servicePoint: sp[0]!, submittedOn: '2025-04-02', answers: answer(4), flags: 0b10 },
    // province 0, agency 1
    { version: v1!, servicePoint: sp[1]!, submittedOn: '2025-03-15', answers: answer(2) },
    // province 1: one 2017-series response and two 2023 ones
    { version: v1!, servicePoint: sp[2]!, submittedOn: '2025-05-01', answers: answer(5) },
    { version: v1!, servicePoint: sp[3]!, submittedOn: '2025-05-02', answers: answer(5) },
    { version: v1!, servicePoint: sp[3]!, submittedOn: '2025-05-02', answers: answer(5) },
    { version: old!, servicePoint: sp[3]!, submittedOn: '2025-05-03', answers: uniformAnswers(old!.definition, 5) },
    // 2024, before the merger: answers under the predecessors of province 0
    { version: v1!, servicePoint: sp[0]!, provinceId: OLD[0], submittedOn: '2024-06-10', answers: answer(5) },
    { version: v1!, servicePoint: sp[1]!, provinceId: OLD[1], submittedOn: '2024-06-11', answers: answer(1) },
  ])
})

describe('unitFigures', () => {
  test('pools a service point\'s answers over the period, both versions of a series by item code', async () => {
    const [row, ...rest] = await unitFigures({ period: period('2025-03'), level: 'servicePoint', ids: [sp[0]!.id] }, plain)
    expect(rest).toEqual([])
    // two of three respondents very satisfied, one very dissatisfied (on version 2)
    expect(row).toMatchObject({ unitId: sp[0]!.id, methodologyCode: 'sipas-2023', excluded: 0 })
    expect(row!.versionId).toBe(survey.versions[1]!.id)
    expect(row!.figures.n).toBe(3)
    expect(row!.figures.sipas).toBeCloseTo(200 / 3, 9)
  })

  test('a custom range inside a month reads only its days', async () => {
    const [row] = await unitFigures({ period: period('2025-03-05..2025-03-31'), level: 'servicePoint', ids: [sp[0]!.id] }, plain)
    expect(row!.figures.n).toBe(2)
    expect(row!.figures.sipas).toBe(50)
  })

  test('a custom range over partial months and a whole one joins raw days and rollups', async () => {
    const [row] = await unitFigures({ period: period('2025-02-20..2025-04-05'), level: 'servicePoint', ids: [sp[0]!.id] }, plain)
    expect(row!.figures.n).toBe(4)
    const [edge] = await unitFigures({ period: period('2025-03-10..2025-04-05'), level: 'servicePoint', ids: [sp[0]!.id] }, plain)
    expect(edge!.figures.n).toBe(3)
    expect(edge!.figures.sipas).toBeCloseTo(((100 + 0 + 100) / 3), 9)
  })

  test('flagged responses are left out by the mask and counted as excluded', async () => {
    const [row] = await unitFigures(
      { period: period('2025-Q2'), level: 'servicePoint', ids: [sp[0]!.id] },
      { ...plain, excludeFlagsMask: 0b10 },
    )
    expect(row).toMatchObject({ excluded: 1 })
    expect(row!.figures.n).toBe(0)
    expect(row!.figures.sipas).toBeNull()
  })

  test('figures under the minimum n are marked suppressed but still computed', async () => {
    const [small] = await unitFigures({ period: period('2025-03'), level: 'servicePoint', ids: [sp[0]!.id] }, { ...plain, minN: 4 })
    expect(small!.figures.suppressed).toBe(true)
    expect(small!.figures.sipas).toBeCloseTo(200 / 3, 9)
    const [enough] = await unitFigures({ period: period('2025-03'), level: 'servicePoint', ids: [sp[0]!.id] }, { ...plain, minN: 3 })
    expect(enough!.figures.suppressed).toBe(false)
  })

  test('filters by channel', async () => {
    const [row] = await unitFigures({ period: period('2025'), level: 'servicePoint', ids: [sp[0]!.id], channel: 'phone' }, plain)
    expect(row!.figures.n).toBe(1)
    expect(row!.figures.sipas).toBe(0)
  })

  test('a unit answered in two series gets a row per series, the larger first', async () => {
    const rows = await unitFigures({ period: period('2025-05'), level: 'servicePoint', ids: [sp[3]!.id] }, plain)
    expect(rows.map((row) => [row.methodologyCode, row.figures.n])).toEqual([
      ['sipas-2023', 2],
      ['sipas-2017', 1],
    ])
    expect(rows[1]!.versionId).toBe(survey.versions[2]!.id)
    expect(rows[1]!.figures.sipas).toBe(100)
  })

  test('agencies of a province, and service points of an agency', async () => {
    const agencies = await unitFigures({ period: period('2025'), level: 'agency', parentId: sp[0]!.provinceId }, plain)
    expect(agencies.map((row) => [row.unitId, row.figures.n])).toEqual([
      [sp[0]!.agencyId, 4],
      [sp[1]!.agencyId, 1],
    ])
    const points = await unitFigures({ period: period('2025'), level: 'servicePoint', parentId: sp[1]!.agencyId }, plain)
    expect(points.map((row) => row.unitId)).toEqual([sp[1]!.id])
    const inProvince = await unitFigures({ period: period('2025'), level: 'servicePoint', provinceId: sp[2]!.provinceId }, plain)
    expect(new Set(inProvince.map((row) => row.unitId))).toEqual(new Set([sp[2]!.id, sp[3]!.id]))
  })

  test('2024 answers stay with the old provinces, and count for their successor as of the merger', async () => {
    const asSubmitted = await unitFigures({ period: period('2024'), level: 'province' }, plain)
    expect(asSubmitted.map((row) => [row.unitId, row.figures.n])).toEqual([
      [OLD[0], 1],
      [OLD[1], 1],
    ])
    const proForma = await unitFigures({ period: period('2024'), level: 'province', asOf: '2025-07-01' }, plain)
    expect(proForma.map((row) => [row.unitId, row.figures.n, row.figures.sipas])).toEqual([[sp[0]!.provinceId, 2, 50]])
    const byId = await unitFigures(
      { period: period('2024'), level: 'province', ids: [sp[0]!.provinceId], asOf: '2025-12-31' },
      plain,
    )
    expect(byId.map((row) => row.figures.n)).toEqual([2])
    const agencies = await unitFigures(
      { period: period('2024'), level: 'agency', provinceId: sp[0]!.provinceId, asOf: '2025-07-01' },
      plain,
    )
    expect(agencies).toHaveLength(2)
  })
})

describe('nationalFigures', () => {
  test('is the unweighted mean of the provinces in the dominant series', async () => {
    const result = await nationalFigures({ period: period('2025') }, plain)
    expect(result.methodologyCode).toBe('sipas-2023')
    expect(result.provinces.map((row) => row.unitId)).toEqual([sp[0]!.provinceId, sp[2]!.provinceId])
    const [p0, p1] = result.provinces.map((row) => row.figures.sipas!)
    expect(p1).toBe(100)
    expect(result.national.sipas).toBeCloseTo((p0! + p1!) / 2, 9)
    expect(result.national.provinces).toBe(2)
    expect(result.excluded).toBe(0)
  })

  test('sees a new submission straight away, cache or not', async () => {
    const before = await nationalFigures({ period: period('2025') }, plain)
    await storeResponses(survey, [
      { version: survey.versions[0]!, servicePoint: sp[2]!, submittedOn: '2025-11-30', answers: uniformAnswers(survey.versions[0]!.definition, 1) },
    ])
    const after = await nationalFigures({ period: period('2025') }, plain)
    expect(after.provinces[1]!.figures.n).toBe(before.provinces[1]!.figures.n + 1)
    expect(after.national.sipas).toBeLessThan(before.national.sipas!)
  })
})

describe('monthlyTrend', () => {
  test("one point per month, empty months included; a province's runs through the merger", async () => {
    const trend = await monthlyTrend(
      { level: 'province', unitId: sp[0]!.provinceId, from: '2024-05-15', to: '2025-04-30' },
      plain,
    )
    expect(trend.map((point) => point.month)).toEqual([
      '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
      '2025-01', '2025-02', '2025-03', '2025-04',
    ])
    expect(trend[1]).toMatchObject({ month: '2024-06', n: 2, sipas: 50 })
    expect(trend[0]).toMatchObject({ n: 0, sipas: null, versionId: null })
    expect(trend[10]).toMatchObject({ month: '2025-03', n: 4 })
    expect(trend[11]).toMatchObject({ month: '2025-04', n: 1, sipas: 100 })
  })

  test('for an agency, with the exclusion rule', async () => {
    const trend = await monthlyTrend(
      { level: 'agency', unitId: sp[0]!.agencyId, from: '2025-03-01', to: '2025-04-01' },
      { ...plain, excludeFlagsMask: 0b10 },
    )
    expect(trend.map((point) => [point.month, point.n, point.excluded])).toEqual([
      ['2025-03', 3, 0],
      ['2025-04', 0, 1],
    ])
  })
})

describe('aggregationSettings', () => {
  test('defaults, then the stored values; the exclusion rule is the quality settings\' one', async () => {
    expect(await aggregationSettings()).toEqual({
      ...DEFAULT_AGGREGATION_SETTINGS,
      excludeFlagsMask: exclusionMaskOf(DEFAULT_QUALITY_SETTINGS),
      responses: 'all',
    })
    await prisma.setting.createMany({
      data: [
        { key: AGGREGATION_SETTING_KEYS.minN, value: 50 },
        { key: AGGREGATION_SETTING_KEYS.useWeights, value: true },
        { key: QUALITY_SETTING_KEY, value: { excluded: ['TOO_FAST', 'BURST'] } },
      ],
    })
    forgetQualitySettings()
    expect(await aggregationSettings()).toEqual({ minN: 50, excludeFlagsMask: 5, useWeights: true, responses: 'all' })
    const [row] = await unitFigures({ period: period('2025-03'), level: 'servicePoint', ids: [sp[0]!.id] })
    expect(row!.figures.suppressed).toBe(true)
    await prisma.setting.deleteMany({ where: { key: { in: [...Object.values(AGGREGATION_SETTING_KEYS), QUALITY_SETTING_KEY] } } })
    forgetQualitySettings()
  })
})

describe('verified responses', () => {
  test('count in n like any other, are never excluded as flagged, and are counted apart', async () => {
    // the default exclusion rule: every quality flag
    const settings = { ...plain, excludeFlagsMask: exclusionMaskOf(DEFAULT_QUALITY_SETTINGS) }
    const [row] = await unitFigures({ period: period('2025-03'), level: 'servicePoint', ids: [sp[0]!.id] }, settings)
    expect(row).toMatchObject({ excluded: 0, verified: 1 })
    expect(row!.figures.n).toBe(3)
    const national = await nationalFigures({ period: period('2025-03') }, settings)
    expect(national).toMatchObject({ excluded: 0, verified: 1 })
  })

  test('verified only: the figures of the verified responses alone', async () => {
    const [row] = await unitFigures(
      { period: period('2025-03'), level: 'servicePoint', ids: [sp[0]!.id] },
      { ...plain, responses: 'verified' },
    )
    expect(row).toMatchObject({ excluded: 0, verified: 1 })
    expect(row!.figures.n).toBe(1)
    expect(row!.figures.sipas).toBe(100)
    // a custom range reads the same from raw rows
    const [raw] = await unitFigures(
      { period: period('2025-03-05..2025-03-12'), level: 'servicePoint', ids: [sp[0]!.id] },
      { ...plain, responses: 'verified' },
    )
    expect(raw!.figures).toEqual(row!.figures)
    // units without verified responses have none
    expect(await unitFigures({ period: period('2025-03'), level: 'agency', ids: [sp[1]!.agencyId] }, { ...plain, responses: 'verified' })).toEqual([])
  })

  test('the official basis setting decides what figures without a filter count', async () => {
    const query = { period: period('2025-03'), level: 'servicePoint' as const, ids: [sp[0]!.id] }
    expect((await unitFigures(query, { minN: 0 }))[0]!.figures.n).toBe(3)
    await prisma.setting.create({ data: { key: OFFICIAL_BASIS_SETTING_KEY, value: { responses: 'verified' } } })
    forgetOfficialBasis()
    try {
      expect((await aggregationSettings()).responses).toBe('verified')
      expect((await unitFigures(query, { minN: 0 }))[0]!.figures.n).toBe(1)
      expect((await nationalFigures({ period: period('2025-03') }, { minN: 0 })).provinces.map((p) => p.figures.n)).toEqual([1])
      // an explicit filter still shows all
      expect((await unitFigures(query, { minN: 0, responses: 'all' }))[0]!.figures.n).toBe(3)
    } finally {
      await prisma.setting.delete({ where: { key: OFFICIAL_BASIS_SETTING_KEY } })
      forgetOfficialBasis()
    }
  })
})
