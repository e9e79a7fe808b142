import { describe, expect, test } from 'vitest'
import { cochranSize, cochranTarget, isConfidenceLevel, isMarginOfError, targetSize, yamaneSize } from './sample-size'

/*
 * Published examples:
 * - Israel, G. D. (1992), "Determining Sample Size", University of Florida IFAS Extension, Fact
 *   Sheet PEOD-6, Table 2 (Yamane's formula, ±5 % precision, 95 % confidence, p = 0.5), which
 *   rounds to the nearest whole number;
 * - the same fact sheet's worked example of Cochran's formula with the finite-population
 *   correction (N = 2,000, ±5 %, 95 %: n₀ = 385, n = 323);
 * - Yamane, T. (1967), Statistics: An Introductory Analysis, 2nd ed., the formula n = N / (1 + N·e²).
 */
describe('Yamane sample size', () => {
  test('reproduces the published table at ±5 % (rounded to the nearest, as the table is)', () => {
    const table: [number, number][] = [
      [500, 222],
      [1000, 286],
      [2000, 333],
      [3000, 353],
      [5000, 370],
      [10000, 385],
      [100000, 398],
    ]
    for (const [populationN, published] of table) expect(Math.round(yamaneSize(populationN, 0.05)), `N = ${populationN}`).toBe(published)
  })

  test('the target rounds up, so N = 10,000 needs 385 and N = 2,000 needs 334 (333.3 → 334)', () => {
    expect(yamaneSize(10000, 0.05)).toBeCloseTo(384.615, 3)
    expect(targetSize(10000, 0.05)).toBe(385)
    expect(yamaneSize(2000, 0.05)).toBeCloseTo(333.333, 3)
    expect(targetSize(2000, 0.05)).toBe(334)
  })

  test('an exact whole result is not pushed to the next number, and the target never exceeds N', () => {
    // 10,000 / (1 + 10,000 × 0.03²) = 10,000 / 10 = 1,000 exactly.
    expect(targetSize(10000, 0.03)).toBe(1000)
    expect(targetSize(1, 0.05)).toBe(1)
    expect(targetSize(40, 0.5)).toBe(4)
  })

  test('refuses an N that is not a positive whole number and a margin outside (0, 0.5]', () => {
    expect(() => yamaneSize(0, 0.05)).toThrow(RangeError)
    expect(() => yamaneSize(12.5, 0.05)).toThrow(RangeError)
    expect(() => yamaneSize(100, 0)).toThrow(RangeError)
    expect(() => yamaneSize(100, 0.51)).toThrow(RangeError)
    expect(isMarginOfError(0.5)).toBe(true)
    expect(isMarginOfError(Number.NaN)).toBe(false)
  })
})

describe('Cochran sample size with the finite-population correction', () => {
  test("matches the fact sheet's worked example: N = 2,000, ±5 %, 95 % → 323", () => {
    expect(cochranSize(2000, 0.05, 0.95)).toBeCloseTo(322.4, 1)
    expect(cochranTarget(2000, 0.05, 0.95)).toBe(323)
  })

  test('without a finite population it tends to n₀ = z²·p·q / e² (384.1 at 95 %, 663.5 at 99 %)', () => {
    expect(cochranSize(1e9, 0.05, 0.95)).toBeCloseTo(384.15, 1)
    expect(cochranSize(1e9, 0.05, 0.99)).toBeCloseTo(663.49, 1)
  })

  test('a higher confidence asks more people, a rarer proportion fewer', () => {
    expect(cochranTarget(5000, 0.05, 0.9)).toBeLessThan(cochranTarget(5000, 0.05, 0.95))
    expect(cochranTarget(5000, 0.05, 0.95)).toBeLessThan(cochranTarget(5000, 0.05, 0.99))
    expect(cochranSize(5000, 0.05, 0.95, 0.1)).toBeLessThan(cochranSize(5000, 0.05, 0.95))
  })

  test('knows only the listed confidence levels', () => {
    expect(isConfidenceLevel(0.95)).toBe(true)
    expect(isConfidenceLevel(0.9)).toBe(true)
    expect(isConfidenceLevel(0.975)).toBe(false)
  })
})
