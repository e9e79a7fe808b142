import { describe, expect, test } from 'vitest'
import { countAtCutoff, summarizeScores } from './summary'

const bands = [
  { group: 'A', min: 90 },
  { group: 'B', min: 80 },
  { group: 'C', min: 70 },
  { group: 'D', min: 0 },
]
const units = [91.1, 90.23, 89.999, 84.5, 71, null].map((score) => ({ score }))

describe('summarizeScores', () => {
  test('gives count, mean, range and units per band over the scored units', () => {
    const summary = summarizeScores(units, bands)
    expect(summary).toEqual({
      count: 5,
      unscored: 1,
      mean: expect.closeTo((91.1 + 90.23 + 89.999 + 84.5 + 71) / 5, 12),
      min: 71,
      max: 91.1,
      // 89.999 shows as 90.00 and is in A; D is listed though empty
      perGroup: { A: 3, B: 1, C: 1, D: 0 },
    })
  })

  test('the mean and range use the unrounded scores', () => {
    expect(summarizeScores([{ score: 89.999 }, { score: 80.001 }])).toMatchObject({
      mean: 85,
      min: 80.001,
      max: 89.999,
    })
  })

  test('without bands there are no group counts', () => {
    expect(summarizeScores(units).perGroup).toEqual({})
  })

  test('with no scores there is no mean or range', () => {
    expect(summarizeScores([{ score: null }], bands)).toEqual({
      count: 0,
      unscored: 1,
      mean: null,
      min: null,
      max: null,
      perGroup: { A: 0, B: 0, C: 0, D: 0 },
    })
  })
})

describe('countAtCutoff', () => {
  test('counts units at or above the cut-off and below it, on the rounded score', () => {
    expect(countAtCutoff(units, 90)).toEqual({ atOrAbove: 3, below: 2 })
    expect(countAtCutoff(units, 90.01)).toEqual({ atOrAbove: 2, below: 3 })
  })

  test('a unit exactly at the cut-off counts as reaching it', () => {
    expect(countAtCutoff([{ score: 80 }], 80)).toEqual({ atOrAbove: 1, below: 0 })
  })

  test('unscored units are in neither count', () => {
    expect(countAtCutoff([{ score: null }], 0)).toEqual({ atOrAbove: 0, below: 0 })
  })
})
