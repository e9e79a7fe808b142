import { describe, expect, test } from 'vitest'
import { type PairSums, addPair } from '~/aggregation/index-variance'
import { computeUnitFigures } from '~/aggregation/unit-figures'
import { itemRows } from '~/questionnaire/item-rows'
import { allItems } from '~/questionnaire/definition'
import { TEMPLATES } from '~/questionnaire/templates'
import type { RankingRow } from '~/ranking/ranking-table'
import { type FigureSet, aggregatedTables, externalIndexRow } from './aggregated-table'
import type { Row } from './table'

const definition = TEMPLATES['sipas-2023']
const rated = allItems(definition).filter((item) => item.kind === 'satisfaction5')
const indexItems = itemRows(definition).filter((row) => row.inIndex).map((row) => row.code)

/**
 * A unit whose `n` respondents answered every rated item: `satisfied` of them 5, the others 2 (the
 * same people on every item, as the pair sums say).
 */
function unitSet(code: string, n: number, satisfied: number, minN: number, rank?: FigureSet['rank']): FigureSet {
  const rows = rated.flatMap((item) => [
    { unitKey: code, itemCode: item.code, value: 5, n: satisfied, sumW: satisfied, sumW2: satisfied },
    { unitKey: code, itemCode: item.code, value: 2, n: n - satisfied, sumW: n - satisfied, sumW2: n - satisfied },
  ])
  const pairs = new Map<string, Map<string, PairSums>>()
  for (const a of indexItems) {
    for (const b of indexItems) {
      if (a <= b)
        addPair(pairs, a, b, {
          n,
          nA: satisfied,
          nB: satisfied,
          nAB: satisfied,
          sumW2: n,
          sumW2A: satisfied,
          sumW2B: satisfied,
          sumW2AB: satisfied,
        })
    }
  }
  const respondents = { n, sumW: n, sumW2: n }
  const figures = computeUnitFigures(definition.methodology, allItems(definition), rows, respondents, { useWeights: false, minN }, pairs)
  return {
    unit: { level: 'servicePoint', code, name: `Điểm ${code}`, nameEn: `Point ${code}` },
    methodologyCode: 'sipas-2023',
    definition,
    n,
    excluded: 2,
    verified: 10,
    figures: { kind: 'unit', value: figures },
    rank,
  }
}

const rankRow = (change: RankingRow['change']): RankingRow => ({
  unitId: 'u',
  code: 'A',
  name: 'A',
  nameEn: 'A',
  score: 75,
  n: 40,
  verified: 10,
  low: 70,
  high: 80,
  margin: 5,
  rank: 3,
  change,
  group: 'B',
  tiedWithAbove: false,
  status: 'ranked',
})

const all = (tables: ReturnType<typeof aggregatedTables>) => tables.flatMap((table) => table.rows as Row[])

describe('aggregatedTables', () => {
  test('four tables with the same columns: one row per unit and measure', () => {
    const set = unitSet('A', 40, 30, 30)
    const tables = aggregatedTables([set])
    expect(tables.map((table) => table.name)).toEqual(['indices', 'aspects', 'elements', 'items'])
    expect(new Set(tables.map((table) => table.columns))).toHaveProperty('size', 1)
    const counts = tables.map((table) => (table.rows as Row[]).length)
    expect(counts).toEqual([1, definition.methodology.aspects.length, definition.methodology.elements.length, Object.keys((set.figures as { value: { items: object } }).value.items).length])
    const [index] = tables[0]!.rows as Row[]
    expect(index).toMatchObject({ measure_kind: 'index', measure_code: 'SIPAS', percentage: 75, n: 40, suppressed: false, excluded: 2 })
    // the verified count of the unit's n on every row of the unit, its share on every row not suppressed
    expect(all(tables).every((row) => row.verified === 10)).toBe(true)
    expect(all(tables).every((row) => row.verified_share === (row.suppressed ? null : 25))).toBe(true)
    expect(index!.ci_low).toBeLessThan(75)
    expect(index!.ci_high).toBeGreaterThan(75)
    // everyone answers every item alike: the index varies like one item, √(p(1−p)/(n−1)) × z
    expect(index!.margin_of_error).toBeCloseTo(1.959964 * Math.sqrt((0.75 * 0.25) / 39) * 100, 9)
  })

  test('a suppressed unit has no percentage and no interval in any row, only its n and the flag', () => {
    const rows = all(aggregatedTables([unitSet('B', 12, 6, 30)]))
    expect(rows.length).toBeGreaterThan(10)
    for (const row of rows) {
      expect(row).toMatchObject({ suppressed: true, percentage: null, ci_low: null, ci_high: null, margin_of_error: null, verified_share: null })
    }
    // Respondents on the unit's rows; each item's valid answers on its own (none for items not answered here).
    expect(rows.filter((row) => row.measure_kind !== 'item').every((row) => row.n === 12)).toBe(true)
    expect(new Set(rows.filter((row) => row.measure_kind === 'item').map((row) => row.n))).toEqual(new Set([12, 0]))
  })

  test('the rank goes on the index row with its change and baseline; reorganised units have no change', () => {
    const ranked = aggregatedTables([unitSet('A', 40, 30, 30, { row: rankRow(2), baseline: 'pro-forma' })])
    expect(ranked[0]!.rows).toEqual([expect.objectContaining({ rank: 3, rank_change: 2, rank_baseline: 'pro-forma', group: 'B' })])
    expect((ranked[2]!.rows as Row[]).every((row) => row.rank === null && row.rank_baseline === null)).toBe(true)
    const reorganised = aggregatedTables([unitSet('A', 40, 30, 30, { row: rankRow('reorganised'), baseline: 'previous' })])
    expect(reorganised[0]!.rows).toEqual([expect.objectContaining({ rank: 3, rank_change: null, rank_baseline: 'reorganised' })])
    const first = aggregatedTables([unitSet('A', 40, 30, 30, { row: rankRow(null), baseline: null })])
    expect(first[0]!.rows).toEqual([expect.objectContaining({ rank: 3, rank_change: null, rank_baseline: null })])
  })

  test('an imported index row carries the published score and rank', () => {
    const row = externalIndexRow({ level: 'province', code: '01', name: 'Hà Nội', nameEn: 'Ha Noi' }, 'PAR_INDEX', { row: rankRow(-1), baseline: 'previous' })
    expect(row).toMatchObject({ measure_code: 'PAR_INDEX', percentage: 75, n: null, ci_low: null, rank: 3, rank_change: -1, rank_baseline: 'previous' })
  })
})
