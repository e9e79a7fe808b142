import { describe, expect, test } from 'vitest'
import { nationalFigures } from '~/aggregation/national'
import { rateFromTally } from '~/aggregation/rate'
import { assembleUnitFigures } from '~/aggregation/unit-figures'
import { TEMPLATES } from '~/questionnaire/templates'
import { type GapProvince, gapRows } from './gap'

const sipas2017 = TEMPLATES['sipas-2017'].methodology
const sipas2023 = TEMPLATES['sipas-2023'].methodology

/** A unit's figures from positive counts out of n per item (every item of the methodology). */
function figuresOf(methodology: typeof sipas2017, positiveOf: (code: string, index: number) => number, n = 400) {
  const codes = methodology.elements.flatMap((element) => [...element.items, ...(element.generalItem ? [element.generalItem] : [])])
  const rates = Object.fromEntries(
    codes.map((code, index) => {
      const positive = positiveOf(code, index)
      return [code, rateFromTally({ n, positive, sumW: n, sumWPositive: positive, sumW2: n })]
    }),
  )
  return assembleUnitFigures(methodology, rates, {}, n, 30)
}

function provincesOf(methodology: typeof sipas2017): GapProvince[] {
  return ['p1', 'p2', 'p3'].map((unitId, p) => ({
    unitId,
    figures: figuresOf(methodology, (_, index) => 240 + 40 * p + ((index * 7) % 30)),
  }))
}

describe('gap rows', () => {
  const provinces = provincesOf(sipas2017)
  const unit = { figures: figuresOf(sipas2017, (_, index) => 250 + ((index * 13) % 60)) }
  const previous = figuresOf(sipas2017, () => 200)

  test('every element and criterion item has a row, with the national mean, the best province and last period', () => {
    const rows = gapRows({ methodology: sipas2017, unit, provinces, previous, comparator: 'national' })
    const national = nationalFigures(provinces.map((province) => province.figures))
    const items = sipas2017.elements.flatMap((element) => [...element.items, element.generalItem!])
    expect(rows.filter((row) => row.kind === 'item').map((row) => row.code).sort()).toEqual([...items].sort())
    expect(rows.filter((row) => row.kind === 'element')).toHaveLength(sipas2017.elements.length)
    for (const row of rows) {
      const expected = row.kind === 'item' ? national.items[row.code] : national.elements[row.code]
      expect(row.national).toBeCloseTo(expected!, 12)
      expect(row.target).toBe(row.national)
      expect(row.gap).toBeCloseTo(row.national! - row.value!, 12)
      expect(row.previous).toBeCloseTo(50, 12)
      const values = provinces.map((province) =>
        row.kind === 'item' ? province.figures.items[row.code]!.rate! : province.figures.elements[row.code]!,
      )
      expect(row.best!.value).toBe(Math.max(...values))
    }
  })

  test('rows are sorted by points gained, and the points equal the weight times a positive gap', () => {
    const rows = gapRows({ methodology: sipas2017, unit, provinces, previous, comparator: 'best' })
    const points = rows.map((row) => row.pointsGained ?? -1)
    expect(points).toEqual([...points].sort((a, b) => b - a))
    const element = rows.find((row) => row.kind === 'element' && row.gap! > 0)!
    expect(element.pointsGained).toBeCloseTo(element.gap! / 5, 12)
    const satisfaction = rows.find((row) => row.code === 'access.satisfaction')!
    expect(satisfaction.inIndex).toBe(false)
    expect(satisfaction.pointsGained).toBe(0)
  })

  test('an item gap is significant only beyond z·√(var unit + var comparator), normal variances on n', () => {
    const n = 400
    const far = figuresOf(sipas2017, () => 200, n) // 50 %
    const near = figuresOf(sipas2017, () => 212, n) // 53 %
    const way = figuresOf(sipas2017, () => 280, n) // 70 %
    const code = 'access.seats'
    const against = (other: typeof far) =>
      gapRows({ methodology: sipas2017, unit: { figures: far }, provinces: [{ unitId: 'x', figures: other }], previous: null, comparator: 'best' }).find(
        (row) => row.code === code,
      )!
    // 3 points apart is within 1.96·√(50·50/400 + 53·47/400) ≈ 6.9; 20 points is not.
    expect(against(near).significant).toBe(false)
    expect(against(way).significant).toBe(true)
    // Elements need the index variance; without it the test is not made.
    expect(gapRows({ methodology: sipas2017, unit: { figures: far }, provinces: [{ unitId: 'x', figures: way }], previous: null, comparator: 'best' }).find((row) => row.code === 'access')!.significant).toBeNull()
  })

  test('element rows use the index variances when given', () => {
    const figures = figuresOf(sipas2017, () => 200)
    const better = figuresOf(sipas2017, () => 220)
    const variances = (value: number) => Object.fromEntries(sipas2017.elements.map((element) => [element.code, value]))
    const rowOf = (variance: number) =>
      gapRows({
        methodology: sipas2017,
        unit: { figures, elementVariances: variances(variance) },
        provinces: [{ unitId: 'x', figures: better, elementVariances: variances(variance) }],
        previous: null,
        comparator: 'national',
      }).find((row) => row.code === 'access')!
    // Gap 5 points: significant with variances of 1, not with 10.
    expect(rowOf(1).significant).toBe(true)
    expect(rowOf(10).significant).toBe(false)
    expect(rowOf(1).high! - rowOf(1).low!).toBeCloseTo(2 * 1.959964, 6)
  })

  test('in 2023 criteria items show with a gap but are worth 0 index points', () => {
    const rows = gapRows({
      methodology: sipas2023,
      unit: { figures: figuresOf(sipas2023, () => 250) },
      provinces: provincesOf(sipas2023),
      previous: null,
      comparator: 'best',
    })
    const criterion = rows.find((row) => row.code === 'svc.access.seats')!
    expect(criterion.gap!).toBeGreaterThan(0)
    expect(criterion.pointsGained).toBe(0)
    expect(criterion.inIndex).toBe(false)
    const general = rows.find((row) => row.code === 'pol.general')!
    expect(general.inIndex).toBe(true)
    expect(general.pointsGained).toBeCloseTo(general.gap! / 2, 12)
    expect(rows[0]!.pointsGained).toBe(Math.max(...rows.map((row) => row.pointsGained ?? 0)))
  })
})
