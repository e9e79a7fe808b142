import { expect, test } from 'vitest'
import { EMPTY_TALLY, rateFromTally } from './rate'
import { wilsonInterval } from './wilson'

test('an unweighted tally gives the plain rate, its Wilson interval and n as the effective n', () => {
  const interval = wilsonInterval(81, 263)!
  expect(rateFromTally({ n: 263, positive: 81, sumW: 263, sumWPositive: 81, sumW2: 263 })).toEqual({
    rate: (81 / 263) * 100,
    low: interval.low,
    high: interval.high,
    n: 263,
    nEffective: 263,
    positive: 81,
  })
})

test('a weighted tally keeps the raw counts but rates by weight', () => {
  // three answers weighted 1, 1, 4; only the heavy one positive
  const rate = rateFromTally({ n: 3, positive: 1, sumW: 6, sumWPositive: 4, sumW2: 18 })
  expect(rate.rate).toBeCloseTo(66.6666666667, 9)
  expect(rate.n).toBe(3)
  expect(rate.positive).toBe(1)
  expect(rate.nEffective).toBe(2)
})

test('an empty tally has no rate and no interval', () => {
  expect(rateFromTally(EMPTY_TALLY)).toEqual({
    rate: null,
    low: null,
    high: null,
    n: 0,
    nEffective: 0,
    positive: 0,
  })
})
