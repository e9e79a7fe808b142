import { describe, expect, test } from 'vitest'
import { type AnswerCount, itemRate } from '~/aggregation/counts'
import { type LineageLink, proFormaBaseline, reorganisedUnits } from './lineage'
import { rankUnits } from './rank'

// A slice of the 1 July 2025 merger (docs/methodology.md): 31 Hải Phòng ← Hải Phòng, Hải Dương;
// 79 TP. Hồ Chí Minh ← TP. Hồ Chí Minh, Bình Dương, Bà Rịa - Vũng Tàu; 46 Huế continues.
const lineage: LineageLink[] = [
  { predecessor: '31', successor: '31' },
  { predecessor: '30', successor: '31' },
  { predecessor: '79', successor: '79' },
  { predecessor: '74', successor: '79' },
  { predecessor: '77', successor: '79' },
  { predecessor: '46', successor: '46' },
]

/** Unweighted answer count for the one item these tests rate. */
const row = (unitKey: string, value: number, n: number): AnswerCount => ({
  unitKey,
  itemCode: 'access.general',
  value,
  n,
  sumW: n,
  sumW2: n,
})

describe('reorganisedUnits', () => {
  test('marks merged units, not those that continue under their own key', () => {
    expect(reorganisedUnits(lineage)).toEqual(new Set(['31', '79']))
  })

  test('marks a unit that continues under a new key', () => {
    expect(reorganisedUnits([{ predecessor: '46', successor: '46-new' }])).toEqual(new Set(['46-new']))
  })

  test('no lineage, no reorganised units', () => {
    expect(reorganisedUnits([])).toEqual(new Set())
  })
})

describe('proFormaBaseline', () => {
  test("sums the predecessors' rows into the successor, cell by cell", () => {
    const rows = [row('31', 5, 100), row('31', 2, 20), row('30', 5, 50), row('30', 1, 10), row('01', 4, 7)]
    expect(proFormaBaseline(lineage, rows)).toEqual([
      row('31', 5, 150),
      row('31', 2, 20),
      row('31', 1, 10),
      row('01', 4, 7),
    ])
  })

  test('sums weights and squared weights as well as counts', () => {
    const weighted = [
      { ...row('31', 5, 2), sumW: 3, sumW2: 5 },
      { ...row('30', 5, 1), sumW: 0.5, sumW2: 0.25 },
    ]
    expect(proFormaBaseline(lineage, weighted)).toEqual([{ ...row('31', 5, 3), sumW: 3.5, sumW2: 5.25 }])
  })

  test('re-keys respondent totals, which have no item or value', () => {
    const totals = [
      { unitKey: '79', n: 600, sumW: 600, sumW2: 600 },
      { unitKey: '74', n: 580, sumW: 580, sumW2: 580 },
      { unitKey: '77', n: 570, sumW: 570, sumW2: 570 },
      { unitKey: '46', n: 590, sumW: 590, sumW2: 590 },
    ]
    expect(proFormaBaseline(lineage, totals)).toEqual([
      { unitKey: '79', n: 1750, sumW: 1750, sumW2: 1750 },
      { unitKey: '46', n: 590, sumW: 590, sumW2: 590 },
    ])
  })

  test('refuses a split, which counts cannot express', () => {
    const split = [
      { predecessor: 'x', successor: 'y' },
      { predecessor: 'x', successor: 'z' },
    ]
    expect(() => proFormaBaseline(split, [row('x', 5, 1)])).toThrow(/split/)
  })

  test("a merged province's pro-forma rate pools its predecessors' answers", () => {
    // Hải Phòng 90 of 100 satisfied, Hải Dương 30 of 50: pooled 120 of 150, not the mean (75).
    const rows = [row('31', 5, 90), row('31', 2, 10), row('30', 4, 30), row('30', 3, 20)]
    const baseline = proFormaBaseline(lineage, rows)
    expect(itemRate(baseline, [4, 5], false)).toMatchObject({ rate: 80, n: 150 })
  })

  test('feeds a ranking whose changes are labelled pro-forma', () => {
    // 2024, old units: Hải Dương beats Hà Nội, Hải Phòng is weak. 2025: merged Hải Phòng leads.
    const previousRows = [
      row('31', 5, 50),
      row('31', 1, 50),
      row('30', 5, 95),
      row('30', 1, 5),
      row('01', 5, 70),
      row('01', 1, 30),
    ]
    const baseline = proFormaBaseline(lineage, previousRows)
    const scoreOf = (rows: readonly AnswerCount[], key: string) =>
      itemRate(
        rows.filter((r) => r.unitKey === key),
        [4, 5],
        false,
      ).rate
    const previous = rankUnits(['31', '01'].map((key) => ({ key, score: scoreOf(baseline, key) })))
    expect(previous.units.map((u) => [u.key, u.score, u.rank])).toEqual([
      ['31', 72.5, 1],
      ['01', 70, 2],
    ])

    const ranks = new Map(previous.units.map((u) => [u.key, u.rank!]))
    const current = rankUnits(
      [
        { key: '01', score: 85 },
        { key: '31', score: 80 },
      ],
      {
        previous: { ranks, baseline: 'pro-forma' },
        reorganised: reorganisedUnits(lineage),
      },
    )
    expect(current.baseline).toBe('pro-forma')
    expect(current.units.map((u) => [u.key, u.rank, u.change])).toEqual([
      ['01', 1, 1],
      ['31', 2, -1],
    ])
  })
})
