import { describe, expect, test } from 'vitest'
import { DONT_KNOW, NOT_APPLICABLE } from '~/questionnaire/definition'
import { type AnswerCount, categoryShares, itemRate, multiSelectShares } from './counts'
import { wilsonInterval } from './wilson'

/** An answer-count row; weights default to 1 each (Σw = Σw² = n). */
function count(value: number, n: number, sumW = n, sumW2 = n, unitKey = 'u1'): AnswerCount {
  return { unitKey, itemCode: 'q1', value, n, sumW, sumW2 }
}

const SATISFIED = [4, 5]

describe('itemRate', () => {
  test('counts satisfied and very satisfied over all valid answers', () => {
    const rows = [count(1, 5), count(2, 10), count(3, 20), count(4, 40), count(5, 25)]
    const interval = wilsonInterval(65, 100)!
    expect(itemRate(rows, SATISFIED, false)).toEqual({
      rate: 65,
      low: interval.low,
      high: interval.high,
      n: 100,
      nEffective: 100,
      positive: 65,
    })
  })

  test('"bình thường" stays in the denominator', () => {
    expect(itemRate([count(3, 50), count(4, 50)], SATISFIED, false).rate).toBe(50)
  })

  test('"don\'t know" and "not applicable" leave the denominator', () => {
    const rows = [count(4, 30), count(2, 10), count(DONT_KNOW, 40), count(NOT_APPLICABLE, 20)]
    const rate = itemRate(rows, SATISFIED, false)
    expect(rate.n).toBe(40)
    expect(rate.rate).toBe(75)
  })

  test('the positive values come from the item, e.g. "yes" for a yes/no item', () => {
    expect(itemRate([count(1, 3), count(2, 1)], [1], false).rate).toBe(75)
  })

  test('an item nobody answered validly has no rate', () => {
    expect(itemRate([count(DONT_KNOW, 12)], SATISFIED, false)).toEqual({
      rate: null,
      low: null,
      high: null,
      n: 0,
      nEffective: 0,
      positive: 0,
    })
    expect(itemRate([], SATISFIED, false).rate).toBeNull()
  })

  test('rows of several units are pooled, as for a province built from its service points', () => {
    const rows = [count(5, 30, 30, 30, 'a'), count(2, 10, 10, 10, 'a'), count(4, 10, 10, 10, 'b')]
    expect(itemRate(rows, SATISFIED, false)).toMatchObject({ rate: 80, n: 50, positive: 40 })
  })

  describe('with weights', () => {
    // two very satisfied respondents weighing 2 and 4, two very dissatisfied weighing 1 each
    const rows = [count(5, 2, 6, 20), count(1, 2, 2, 2), count(DONT_KNOW, 1, 9, 81)]

    test('rates by weight and bases the interval on the effective n', () => {
      const rate = itemRate(rows, SATISFIED, true)
      const nEffective = (8 * 8) / 22
      expect(rate.rate).toBe(75)
      expect(rate.nEffective).toBeCloseTo(nEffective, 12)
      expect(rate.low).toBeCloseTo(wilsonInterval(0.75 * nEffective, nEffective)!.low, 9)
      expect(rate.high).toBeCloseTo(wilsonInterval(0.75 * nEffective, nEffective)!.high, 9)
    })

    test('still reports the unweighted valid n and positive count', () => {
      expect(itemRate(rows, SATISFIED, true)).toMatchObject({ n: 4, positive: 2 })
    })

    test('are ignored when switched off', () => {
      expect(itemRate(rows, SATISFIED, false)).toMatchObject({ rate: 50, nEffective: 4 })
    })
  })
})

describe('categoryShares', () => {
  const rows = [count(1, 10), count(2, 30), count(4, 60), count(DONT_KNOW, 5)]

  test('gives each option its share of the valid answers, summing to 100', () => {
    const shares = categoryShares(rows, [1, 2, 3, 4], false)
    expect(shares.map((share) => [share.value, share.rate, share.n])).toEqual([
      [1, 10, 100],
      [2, 30, 100],
      [3, 0, 100],
      [4, 60, 100],
    ])
  })

  test('an option nobody chose has share 0 with an interval above 0', () => {
    const [, , unchosen] = categoryShares(rows, [1, 2, 3, 4], false)
    expect(unchosen).toMatchObject({ value: 3, rate: 0, low: 0, positive: 0 })
    expect(unchosen?.high).toBeCloseTo(wilsonInterval(0, 100)!.high, 12)
  })

  test('weights the shares when asked to', () => {
    const weighted = [count(1, 1, 3, 9), count(2, 1, 1, 1)]
    expect(categoryShares(weighted, [1, 2], true).map((share) => share.rate)).toEqual([75, 25])
  })
})

describe('multiSelectShares', () => {
  test('divides by respondents, so the shares can sum past 100', () => {
    const rows = [count(1, 133), count(2, 126), count(3, 119)]
    const shares = multiSelectShares(rows, [1, 2, 3, 4], { n: 200, sumW: 200, sumW2: 200 }, false)
    expect(shares.map((share) => share.rate)).toEqual([66.5, 63, 59.5, 0])
    expect(shares.every((share) => share.n === 200)).toBe(true)
    expect(shares[0]?.low).toBeCloseTo(wilsonInterval(133, 200)!.low, 12)
  })

  test("weights by the respondents' weight sums when asked to", () => {
    // four respondents weighing 1, 1, 2, 4; the one weighing 4 ticked option 1
    const respondents = { n: 4, sumW: 8, sumW2: 22 }
    const [share] = multiSelectShares([count(1, 1, 4, 16)], [1], respondents, true)
    expect(share).toMatchObject({ value: 1, rate: 50, n: 4, positive: 1 })
    expect(share?.nEffective).toBeCloseTo(64 / 22, 12)
  })

  test('ignores the weight sums when weights are off', () => {
    const [share] = multiSelectShares([count(1, 1, 4, 16)], [1], { n: 4, sumW: 8, sumW2: 22 }, false)
    expect(share).toMatchObject({ rate: 25, nEffective: 4 })
  })

  test('no respondents give no share', () => {
    const [share] = multiSelectShares([], [1], { n: 0, sumW: 0, sumW2: 0 }, false)
    expect(share).toMatchObject({ value: 1, rate: null, n: 0 })
  })
})
