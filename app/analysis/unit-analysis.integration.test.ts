import { beforeAll, describe, expect, test } from 'vitest'
import { nationalFigures, unitFigures } from '~/aggregation/figures.server'
import { yearPeriod } from '~/aggregation/period'
import { type Survey, createSurvey, storeResponses, uniformAnswers } from '../../test/factories/survey'
import { mulberry32 } from './drivers'
import { loadUnitAnalysis } from './unit-analysis.server'

const settings = { minN: 30, excludeFlagsMask: 0, useWeights: false, responses: 'all' as const }
let survey: Survey

/**
 * Answers with a structure: each respondent's criteria share an "experience" level, and each
 * element's satisfaction item follows the element's first criterion most.
 */
function answersFor(survey: Survey, random: () => number, level: number) {
  const version = survey.versions[0]!
  const answers = uniformAnswers(version.definition, 3)
  const experience = level + (random() - 0.5) * 2
  const code = (value: number) => Math.min(5, Math.max(1, Math.round(value)))
  const byCode = new Map(answers.map((answer) => [answer.itemCode, answer]))
  for (const element of version.definition.methodology.elements) {
    const values = element.items.map(() => code(experience + (random() - 0.5) * 3))
    element.items.forEach((item, i) => (byCode.get(item)!.value = values[i]!))
    byCode.get(element.generalItem!)!.value = code(0.8 * values[0]! + 0.2 * experience + (random() - 0.5))
  }
  return answers
}

beforeAll(async () => {
  survey = await createSurvey({ provinces: 3, agencies: 2, servicePoints: 1, versions: ['sipas-2017'] })
  const random = mulberry32(11)
  const version = survey.versions[0]!
  const specs = survey.servicePoints.flatMap((servicePoint, s) =>
    [2024, 2025].flatMap((year) =>
      Array.from({ length: year === 2025 ? 70 : 40 }, (_, i) => ({
        version,
        servicePoint,
        submittedOn: `${year}-0${1 + (i % 9)}-1${i % 10}`,
        answers: answersFor(survey, random, 2.6 + 0.25 * s),
      })),
    ),
  )
  await storeResponses(survey, specs)
}, 120_000)

describe('loadUnitAnalysis', () => {
  test("a province's gap table is the aggregation module's figures, nationally and the best province's", async () => {
    const provinceId = survey.servicePoints[0]!.provinceId
    const analysis = (await loadUnitAnalysis({ level: 'province', unitId: provinceId, period: yearPeriod(2025), responses: 'all' }))!
    const [row] = await unitFigures({ period: yearPeriod(2025), level: 'province', ids: [provinceId] }, settings)
    const [before] = await unitFigures({ period: yearPeriod(2024), level: 'province', ids: [provinceId] }, settings)
    const national = await nationalFigures({ period: yearPeriod(2025) }, settings)
    expect(analysis.n).toBe(140)
    expect(analysis.sipas).toBe(row!.figures.sipas)
    expect(analysis.nationalSipas).toBe(national.national.sipas)
    const items = analysis.gaps.filter((gap) => gap.kind === 'item')
    const elements = analysis.gaps.filter((gap) => gap.kind === 'element')
    expect(items).toHaveLength(22 + 5)
    expect(elements).toHaveLength(5)
    for (const gap of items) {
      const rate = row!.figures.items[gap.code]!
      expect([gap.value, gap.low, gap.high, gap.n]).toEqual([rate.rate, rate.low, rate.high, rate.n])
      expect(gap.national).toBeCloseTo(national.national.items[gap.code]!, 10)
      expect(gap.previous).toBe(before!.figures.items[gap.code]!.rate)
      const best = Math.max(...national.provinces.map((province) => province.figures.items[gap.code]!.rate!))
      expect(gap.best!.value).toBe(best)
      expect(analysis.provinceNames[gap.best!.unitId]).toMatch(/^Tỉnh /)
    }
    for (const gap of elements) {
      expect(gap.value).toBe(row!.figures.elements[gap.code])
      expect(gap.national).toBeCloseTo(national.national.elements[gap.code]!, 10)
      // The element's interval is the one the figures publish (linearised), and its gap is tested.
      const interval = row!.figures.intervals.elements[gap.code]!
      expect(gap.low).toBeCloseTo(interval.low, 9)
      expect(gap.high).toBeCloseTo(interval.high, 9)
      expect(gap.significant).not.toBeNull()
    }
    const points = analysis.gaps.map((gap) => gap.pointsGained ?? -1)
    expect(points).toEqual([...points].sort((a, b) => b - a))
  })

  test('drivers come from the respondents: a regression per element, the first criterion leading', async () => {
    const provinceId = survey.servicePoints[0]!.provinceId
    const analysis = (await loadUnitAnalysis({ level: 'province', unitId: provinceId, period: yearPeriod(2025), responses: 'all', language: 'en' }))!
    expect(analysis.methodology.driverRespondents).toBe(140)
    expect(analysis.drivers).toHaveLength(5)
    for (const element of analysis.drivers) {
      expect(element.method).toBe('regression')
      const first = survey.versions[0]!.definition.methodology.elements.find((candidate) => candidate.code === element.elementCode)!.items[0]
      expect(element.drivers[0]!.itemCode).toBe(first)
    }
    expect(analysis.chart.points.length).toBeGreaterThan(0)
    expect(analysis.labels.access).toBe(survey.versions[0]!.definition.methodology.elements[0]!.name.en)
  })

  test('an agency and a service point are analysed on their own answers; a small one falls back to correlations', async () => {
    const servicePoint = survey.servicePoints[1]!
    const agency = (await loadUnitAnalysis({ level: 'agency', unitId: servicePoint.agencyId, period: yearPeriod(2025), responses: 'all' }))!
    const [row] = await unitFigures({ period: yearPeriod(2025), level: 'agency', ids: [servicePoint.agencyId] }, settings)
    expect(agency.n).toBe(70)
    expect(agency.unit).toMatchObject({ level: 'agency', provinceId: servicePoint.provinceId, agencyId: servicePoint.agencyId })
    for (const gap of agency.gaps) {
      expect(gap.value).toBe(gap.kind === 'item' ? row!.figures.items[gap.code]!.rate : row!.figures.elements[gap.code])
    }
    expect(agency.drivers.every((element) => element.method === 'correlation' && element.fallback === 'smallSample')).toBe(true)
    const point = (await loadUnitAnalysis({ level: 'servicePoint', unitId: servicePoint.id, period: yearPeriod(2025), responses: 'all' }))!
    expect(point.n).toBe(70)
  })

  test('a unit without answers in the period has an empty analysis; an unknown unit none', async () => {
    const empty = (await loadUnitAnalysis({ level: 'agency', unitId: survey.servicePoints[0]!.agencyId, period: yearPeriod(2023) }))!
    expect(empty).toMatchObject({ n: 0, gaps: [], drivers: [] })
    expect(await loadUnitAnalysis({ level: 'province', unitId: 'no-such-province', period: yearPeriod(2025) })).toBeNull()
  })
})
