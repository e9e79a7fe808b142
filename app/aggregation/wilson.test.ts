import { describe, expect, test } from 'vitest'
import { Z_95, effectiveN, weightedEstimate, wilsonInterval } from './wilson'

/** The textbook closed form, written differently from the implementation on purpose. */
function textbookWilson(x: number, n: number, z: number) {
  const root = z * Math.sqrt(z * z + (4 * x * (n - x)) / n)
  const denominator = 2 * (n + z * z)
  return {
    low: ((2 * x + z * z - root) / denominator) * 100,
    high: ((2 * x + z * z + root) / denominator) * 100,
  }
}

describe('wilsonInterval', () => {
  // Newcombe (1998), Statistics in Medicine 17:857–872: worked examples, score method without
  // continuity correction, published to 4 decimals as fractions.
  test.each([
    { positive: 81, n: 263, low: 25.53, high: 36.62 },
    { positive: 15, n: 148, low: 6.24, high: 16.05 },
    { positive: 0, n: 20, low: 0, high: 16.11 },
    { positive: 1, n: 29, low: 0.61, high: 17.18 },
  ])('$positive of $n matches the published interval [$low, $high]', ({ positive, n, low, high }) => {
    const interval = wilsonInterval(positive, n)
    expect(interval?.low).toBeCloseTo(low, 2)
    expect(interval?.high).toBeCloseTo(high, 2)
  })

  test.each([
    [81, 263],
    [1, 1],
    [499, 500],
    [290, 580],
  ])('%i of %i agrees with the closed-form formula to 1e-9', (positive, n) => {
    const expected = textbookWilson(positive, n, Z_95)
    const interval = wilsonInterval(positive, n)
    expect(interval?.low).toBeCloseTo(expected.low, 9)
    expect(interval?.high).toBeCloseTo(expected.high, 9)
  })

  test('an empty sample has no interval', () => {
    expect(wilsonInterval(0, 0)).toBeNull()
  })

  test('when everyone is positive the upper bound is exactly 100', () => {
    const interval = wilsonInterval(37, 37)
    expect(interval?.high).toBe(100)
    expect(interval?.low).toBeCloseTo(textbookWilson(37, 37, Z_95).low, 9)
  })

  test('when nobody is positive the lower bound is exactly 0', () => {
    const interval = wilsonInterval(0, 37)
    expect(interval?.low).toBe(0)
    expect(interval?.high).toBeCloseTo(textbookWilson(0, 37, Z_95).high, 9)
  })

  test('a wider z gives a wider interval around the same rate', () => {
    const at95 = wilsonInterval(60, 100)
    const at99 = wilsonInterval(60, 100, 2.575829)
    expect(at99!.low).toBeLessThan(at95!.low)
    expect(at99!.high).toBeGreaterThan(at95!.high)
  })
})

describe('effectiveN', () => {
  test('equal weights give the plain count', () => {
    // four respondents of weight 2.5: Σw = 10, Σw² = 25
    expect(effectiveN(10, 25)).toBe(4)
  })

  test('unequal weights shrink the sample', () => {
    // weights 1, 1, 4: Σw = 6, Σw² = 18 → 36 / 18 = 2
    expect(effectiveN(6, 18)).toBe(2)
  })

  test('no answers give zero', () => {
    expect(effectiveN(0, 0)).toBe(0)
  })
})

describe('weightedEstimate', () => {
  test('unit weights reproduce the unweighted rate and interval', () => {
    const estimate = weightedEstimate({ sumW: 263, sumWPositive: 81, sumW2: 263 })
    const interval = wilsonInterval(81, 263)!
    expect(estimate?.rate).toBeCloseTo((81 / 263) * 100, 12)
    expect(estimate?.nEffective).toBe(263)
    expect(estimate?.low).toBeCloseTo(interval.low, 12)
    expect(estimate?.high).toBeCloseTo(interval.high, 12)
  })

  test('the rate is the weighted share and the interval uses the Kish effective n', () => {
    // weights 1, 1, 4 with only the heavy respondent positive: rate 4/6, n_eff = 2
    const estimate = weightedEstimate({ sumW: 6, sumWPositive: 4, sumW2: 18 })
    expect(estimate?.rate).toBeCloseTo(66.6666666667, 9)
    expect(estimate?.nEffective).toBe(2)
    const expected = textbookWilson((4 / 6) * 2, 2, Z_95)
    expect(estimate?.low).toBeCloseTo(expected.low, 9)
    expect(estimate?.high).toBeCloseTo(expected.high, 9)
  })

  test('all-positive weighted answers reach exactly 100', () => {
    expect(weightedEstimate({ sumW: 3.5, sumWPositive: 3.5, sumW2: 4.25 })?.high).toBe(100)
  })

  test('no weight gives no estimate', () => {
    expect(weightedEstimate({ sumW: 0, sumWPositive: 0, sumW2: 0 })).toBeNull()
  })
})
