/**
 * Wilson score intervals for a proportion, the interval SIPAS publishes next to every rate.
 * Everything here is in percent (0..100), like the rates themselves, so a figure and its
 * interval can be printed side by side without conversion.
 */

/** The two-sided 95 % normal quantile, to 6 decimals (Φ⁻¹(0.975)). */
export const Z_95 = 1.959964

export type Interval = { low: number; high: number }

/** Wilson interval for `positive` out of `n`; null when there is nothing to estimate from. */
export function wilsonInterval(positive: number, n: number, z = Z_95): Interval | null {
  if (n <= 0) return null
  return wilsonBounds(positive / n, n, z)
}

/**
 * Kish effective sample size: the n of a simple random sample with the same precision as a
 * weighted one. Equals n when all weights are equal, and shrinks as weights vary.
 */
export function effectiveN(sumW: number, sumW2: number): number {
  return sumW2 > 0 ? (sumW * sumW) / sumW2 : 0
}

/** Weighted sums over the valid answers of one item. */
export type WeightedSums = {
  /** Σw over valid answers. */
  sumW: number
  /** Σw over the answers counted as positive. */
  sumWPositive: number
  /** Σw² over valid answers. */
  sumW2: number
}

export type Estimate = Interval & { rate: number; nEffective: number }

/**
 * Weighted rate with a Wilson interval computed on the Kish effective n. With every weight 1
 * (sumW = sumW2 = n) this is exactly the unweighted rate and interval.
 */
export function weightedEstimate(sums: WeightedSums, z = Z_95): Estimate | null {
  const nEffective = effectiveN(sums.sumW, sums.sumW2)
  if (sums.sumW <= 0 || nEffective <= 0) return null
  const p = sums.sumWPositive / sums.sumW
  return { rate: p * 100, nEffective, ...wilsonBounds(p, nEffective, z) }
}

function wilsonBounds(p: number, n: number, z: number): Interval {
  const z2 = z * z
  const denominator = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / denominator
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  // The algebra gives exactly 0 and 1 at the extremes, but floating point lands a hair off
  // (99.99999999999999), which would print and compare wrongly.
  return {
    low: p === 0 ? 0 : (centre - halfWidth) * 100,
    high: p === 1 ? 100 : (centre + halfWidth) * 100,
  }
}
