import { describe, expect, test } from 'vitest'
import { SCORE_TIE_TOLERANCE, type ScoredUnit, rankUnits } from './rank'

const unit = (key: string, score: number | null, extra: Partial<ScoredUnit> = {}): ScoredUnit => ({
  key,
  score,
  ...extra,
})
const ranksOf = (units: readonly ScoredUnit[]) => rankUnits(units).units.map((u) => [u.key, u.rank])

describe('rankUnits', () => {
  test('puts the 2024 provincial top five in the published order', () => {
    // Hải Phòng 91.10 and Thái Nguyên 90.23 are published; the next three are invented values
    // below 90.23 in the published order (Hải Dương, Quảng Ninh, Bà Rịa - Vũng Tàu).
    const provinces = [
      { key: '22', name: 'Quảng Ninh', score: 89.62 },
      { key: '19', name: 'Thái Nguyên', score: 90.23 },
      { key: '77', name: 'Bà Rịa - Vũng Tàu', score: 89.4 },
      { key: '31', name: 'Hải Phòng', score: 91.1 },
      { key: '30', name: 'Hải Dương', score: 89.87 },
    ]
    const ranking = rankUnits(provinces, {
      thresholds: [
        { group: 'A', min: 90 },
        { group: 'B', min: 80 },
      ],
    })
    expect(ranking.units.map((u) => [u.rank, u.name, u.group])).toEqual([
      [1, 'Hải Phòng', 'A'],
      [2, 'Thái Nguyên', 'A'],
      [3, 'Hải Dương', 'B'],
      [4, 'Quảng Ninh', 'B'],
      [5, 'Bà Rịa - Vũng Tàu', 'B'],
    ])
  })

  test('equal scores share a rank and the next rank is skipped (1, 2, 2, 4)', () => {
    expect(ranksOf([unit('a', 95), unit('b', 90), unit('c', 90), unit('d', 85)])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ])
  })

  test('ranks on the unrounded score: the same printed score can hold two ranks', () => {
    // PAR INDEX 2024 prints Cần Thơ and Bình Dương both at 89.13 but ranks them 22nd and 23rd;
    // the unrounded values here are invented to show how that happens.
    const ranking = rankUnits([unit('74', 89.1268), unit('92', 89.1345), unit('x', 90.234)])
    expect(ranking.units.map((u) => [u.key, u.rounded, u.rank])).toEqual([
      ['x', 90.23, 1],
      ['92', 89.13, 2],
      ['74', 89.13, 3],
    ])
    expect(ranking.ranks).toBe('computed')
  })

  test('scores a hair apart but printed the same are not tied', () => {
    expect(ranksOf([unit('a', 90.2300001), unit('b', 90.23)])).toEqual([
      ['a', 1],
      ['b', 2],
    ])
  })

  test('scores equal up to floating-point noise are tied', () => {
    // The same ratio reached by different sums: 0.1 + 0.2 is 0.30000000000000004.
    const viaSum = ((0.1 + 0.2) / 3) * 100
    const direct = (0.3 / 3) * 100
    expect(viaSum).not.toBe(direct)
    expect(ranksOf([unit('b', viaSum), unit('a', direct), unit('c', 9)])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ])
  })

  test(`a difference of ${SCORE_TIE_TOLERANCE * 10} is a real one`, () => {
    expect(ranksOf([unit('a', 80), unit('b', 80 + SCORE_TIE_TOLERANCE * 10)])).toEqual([
      ['b', 1],
      ['a', 2],
    ])
  })

  test('ties do not chain: a unit is compared with the first unit holding the rank', () => {
    const step = SCORE_TIE_TOLERANCE * 0.6
    expect(ranksOf([unit('a', 80), unit('b', 80 - step), unit('c', 80 - 2 * step)])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ])
  })

  test('tied units are ordered by key, whatever the input order', () => {
    const forward = ranksOf([unit('b', 90), unit('a', 90), unit('c', 90)])
    const backward = ranksOf([unit('c', 90), unit('a', 90), unit('b', 90)])
    expect(forward).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ])
    expect(backward).toEqual(forward)
  })

  test('units without a score get no rank and come last, by key', () => {
    const ranking = rankUnits([unit('z', null), unit('a', 70), unit('m', null), unit('b', 80)])
    expect(ranking.units.map((u) => [u.key, u.rank, u.rounded])).toEqual([
      ['b', 1, 80],
      ['a', 2, 70],
      ['m', null, null],
      ['z', null, null],
    ])
  })

  test("keeps the caller's fields on each unit", () => {
    const [first] = rankUnits([{ key: '31', score: 91.1, name: 'Hải Phòng', n: 580 }]).units
    expect(first).toMatchObject({ key: '31', name: 'Hải Phòng', n: 580, score: 91.1, rank: 1 })
  })

  test('rejects duplicate keys, which would make rank changes ambiguous', () => {
    expect(() => rankUnits([unit('a', 1), unit('a', 2)])).toThrow(/unique/)
  })

  test('an empty peer group gives an empty ranking', () => {
    expect(rankUnits([])).toEqual({ units: [], baseline: null, tieGroups: [], ranks: 'computed' })
  })

  test('groups are left empty when no thresholds are configured', () => {
    expect(rankUnits([unit('a', 95)]).units[0]?.group).toBeNull()
  })
})

describe('published ranks', () => {
  test('are kept when every scored unit has one, ordering units printed with the same score', () => {
    const ranking = rankUnits([
      unit('74', 89.13, { publishedRank: 23 }),
      unit('92', 89.13, { publishedRank: 22 }),
      unit('31', 96.17, { publishedRank: 1 }),
      unit('99', null),
    ])
    expect(ranking.units.map((u) => [u.key, u.rank])).toEqual([
      ['31', 1],
      ['92', 22],
      ['74', 23],
      ['99', null],
    ])
    expect(ranking.ranks).toBe('published')
  })

  test('a published tie is kept and listed by key', () => {
    const ranking = rankUnits([unit('b', 80, { publishedRank: 2 }), unit('a', 80, { publishedRank: 2 }), unit('c', 90, { publishedRank: 1 })])
    expect(ranking.units.map((u) => [u.key, u.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
    ])
  })

  test('are ignored unless every scored unit has one: the ranks then come from the scores', () => {
    const ranking = rankUnits([unit('a', 80, { publishedRank: 1 }), unit('b', 90)])
    expect(ranking.units.map((u) => [u.key, u.rank])).toEqual([
      ['b', 1],
      ['a', 2],
    ])
    expect(ranking.ranks).toBe('computed')
  })

  test('rank changes compare published ranks', () => {
    const ranking = rankUnits([unit('a', 80, { publishedRank: 5 })], {
      previous: { ranks: new Map([['a', 9]]), baseline: 'previous' },
    })
    expect(ranking.units[0]?.change).toBe(4)
  })
})

describe('rank change', () => {
  const current = [unit('up', 95), unit('down', 90), unit('same', 85), unit('new', 80)]
  const previous = {
    ranks: new Map([
      ['up', 14],
      ['down', 1],
      ['same', 3],
      ['gone', 2],
    ]),
    baseline: 'previous' as const,
  }

  test('is previous rank minus rank: positive up, negative down, zero unchanged', () => {
    const ranking = rankUnits(current, { previous })
    expect(ranking.units.map((u) => [u.key, u.change])).toEqual([
      ['up', 13],
      ['down', -1],
      ['same', 0],
      ['new', null],
    ])
    expect(ranking.baseline).toBe('previous')
  })

  test('is null for every unit when there is no previous ranking', () => {
    const ranking = rankUnits(current)
    expect(ranking.units.every((u) => u.change === null)).toBe(true)
    expect(ranking.baseline).toBeNull()
  })

  test('is null for a unit without a score now', () => {
    expect(rankUnits([unit('up', null)], { previous }).units[0]?.change).toBeNull()
  })

  test('marks a reorganised unit instead of comparing with its old rank under the same key', () => {
    // Hải Phòng kept code 31 but absorbed Hải Dương: rank 1 of 63 says nothing about 34.
    const ranking = rankUnits([unit('31', 91.1), unit('01', 85)], {
      previous: {
        ranks: new Map([
          ['31', 1],
          ['01', 20],
        ]),
        baseline: 'previous',
      },
      reorganised: new Set(['31']),
    })
    expect(ranking.units.map((u) => [u.key, u.change])).toEqual([
      ['31', 'reorganised'],
      ['01', 18],
    ])
  })

  test('marks a reorganised unit when there is no previous ranking at all', () => {
    expect(rankUnits([unit('31', 91.1)], { reorganised: new Set(['31']) }).units[0]?.change).toBe(
      'reorganised',
    )
  })

  test('compares a merged unit with its pro-forma baseline, labelled as such', () => {
    const ranking = rankUnits([unit('31', 91.1), unit('79', 88), unit('01', 85)], {
      previous: {
        ranks: new Map([
          ['31', 2],
          ['79', 1],
          ['01', 3],
        ]),
        baseline: 'pro-forma',
      },
      reorganised: new Set(['31', '79']),
    })
    expect(ranking.units.map((u) => [u.key, u.change])).toEqual([
      ['31', 1],
      ['79', -1],
      ['01', 0],
    ])
    expect(ranking.baseline).toBe('pro-forma')
  })

  test('still marks a reorganised unit the pro-forma baseline lacks', () => {
    const ranking = rankUnits([unit('31', 91.1)], {
      previous: { ranks: new Map(), baseline: 'pro-forma' },
      reorganised: new Set(['31']),
    })
    expect(ranking.units[0]?.change).toBe('reorganised')
  })
})

describe('statistical ties', () => {
  test('a unit whose interval overlaps the one ranked directly above is tied with it', () => {
    const ranking = rankUnits([
      unit('a', 92, { low: 90, high: 94 }),
      unit('b', 89, { low: 87, high: 91 }),
      unit('c', 85, { low: 83, high: 86.9 }),
      unit('d', 84, { low: 82, high: 86 }),
      unit('e', 70, { low: 65, high: 75 }),
    ])
    expect(ranking.units.map((u) => [u.key, u.tiedWithAbove])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
      ['d', true],
      ['e', false],
    ])
    expect(ranking.tieGroups).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
  })

  test("a chain of overlaps forms one tie group even when its ends don't overlap", () => {
    const ranking = rankUnits([
      unit('a', 90, { low: 88, high: 92 }),
      unit('b', 87, { low: 85, high: 89 }),
      unit('c', 84, { low: 82, high: 86 }),
    ])
    expect(ranking.tieGroups).toEqual([['a', 'b', 'c']])
  })

  test('units without intervals, or without a score, are never tied', () => {
    const ranking = rankUnits([
      unit('a', 90, { low: 88, high: 92 }),
      unit('b', 89),
      unit('c', null, { low: 85, high: 95 }),
    ])
    expect(ranking.units.map((u) => u.tiedWithAbove)).toEqual([false, false, false])
    expect(ranking.tieGroups).toEqual([])
  })
})
