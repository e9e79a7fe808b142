import type { Methodology } from '~/questionnaire/definition'
import { elementIndex, unitIndex } from './indices'
import { Z_95, wilsonInterval } from './wilson'

/*
 * The 95 % interval of a unit's SIPAS and element indices from its respondents (docs/methodology.md,
 * "95 % intervals"; docs/decisions/029-index-intervals.md). Every index is linear in the item rates,
 * I = Σ_j a_j p_j, and each rate is a ratio p_j = Σ_i w_i r_ij y_ij / W_j with W_j = Σ_i w_i r_ij
 * (r: a valid answer, y: a positive one). Linearised, respondent i contributes
 *   z_i = Σ_j a_j w_i r_ij (y_ij − p_j) / W_j
 * and, respondents being independent draws (with replacement), Var(I) ≈ n/(n−1) Σ_i z_i².
 * Expanding the square leaves sums over pairs of items answered by the same respondent,
 * Σ w² r_j r_k, Σ w² r_j r_k y_j, Σ w² r_j r_k y_k, Σ w² r_j r_k y_j y_k — what AnswerPairRollup
 * holds — so the interval needs no raw answers. With weights off every w_i is 1 and the same sums
 * are the pair's counts n, n_A, n_B, n_AB, which it holds too. Rates are handled as proportions
 * inside and the result is in percentage points, like every published figure.
 */

/** Sums over the respondents who gave a valid answer to both items A and B (A = B on the diagonal). */
export type PairSums = {
  /** Respondents (unweighted). */
  n: number
  /** Respondents positive on A. */
  nA: number
  /** Respondents positive on B. */
  nB: number
  /** Respondents positive on both. */
  nAB: number
  /** Σ w². */
  sumW2: number
  /** Σ w² over those positive on A. */
  sumW2A: number
  /** Σ w² over those positive on B. */
  sumW2B: number
  /** Σ w² over those positive on both. */
  sumW2AB: number
}

/** Pair sums by item code: pairs.get(a)?.get(b) has A = a, B = b. Each pair may be stored one way round. */
export type ItemPairs = ReadonlyMap<string, ReadonlyMap<string, PairSums>>

/** What the variance needs of one item: its rate (percent, null when none) and Σw over valid answers. */
export type IndexItem = { rate: number | null; sumW: number }

/** A 95 % interval clipped to 0..100, and its margin of error (z·se, before clipping), in points. */
export type IndexInterval = { low: number; high: number; margin: number }

export type IndexIntervals = {
  sipas: IndexInterval | null
  elements: Record<string, IndexInterval | null>
}

/** The items' coefficients in one index: I = Σ_j a_j p_j over the items with a rate. */
export type Coefficients = Readonly<Record<string, number>>

/**
 * The coefficients of the unit index and of each element index, for the items that have a rate in
 * this unit (a "mean" element averages only those). Taken from the index functions themselves
 * (the index of a unit rate on item j, every other rate 0), so they cannot drift from the method.
 * Null where the index itself has no value.
 */
export function indexCoefficients(
  methodology: Methodology,
  rates: Readonly<Record<string, number | null>>,
): { sipas: Coefficients | null; elements: Record<string, Coefficients | null> } {
  const present = Object.keys(rates).filter((code) => rates[code] != null)
  const zero: Record<string, number> = Object.fromEntries(present.map((code) => [code, 0]))
  const unit = (itemRates: Record<string, number>) =>
    unitIndex(methodology, Object.fromEntries(methodology.elements.map((e) => [e.code, elementIndex(e, itemRates)])))
  const coefficientsOf = (index: (itemRates: Record<string, number>) => number | null): Coefficients | null => {
    const base = index(zero)
    if (base === null) return null
    const coefficients: Record<string, number> = {}
    for (const code of present) {
      const withItem: number = index({ ...zero, [code]: 1 }) ?? base
      if (withItem !== base) coefficients[code] = withItem - base
    }
    return coefficients
  }
  return {
    sipas: coefficientsOf(unit),
    elements: Object.fromEntries(
      methodology.elements.map((element) => [element.code, coefficientsOf((itemRates) => elementIndex(element, itemRates))]),
    ),
  }
}

/**
 * Var(I) in points² for I = Σ_j a_j p_j, from the pair sums and the unit's n respondents; null when
 * it cannot be estimated (fewer than two respondents, an item without valid answers or pairs).
 * `useWeights` must be the one the rates and `items`' Σw were computed with: with it the pairs'
 * Σw²·… sums are used, without it their counts (each respondent weighing 1).
 */
export function linearisedVariance(
  coefficients: Coefficients,
  items: Readonly<Record<string, IndexItem>>,
  pairs: ItemPairs,
  n: number,
  useWeights: boolean,
): number | null {
  if (n < 2) return null
  const codes = Object.keys(coefficients)
  const terms: { code: string; c: number; p: number }[] = []
  for (const code of codes) {
    const item = items[code]
    if (!item || item.rate === null || !(item.sumW > 0)) return null
    // The coefficient over W_j, and p_j as a proportion.
    terms.push({ code, c: coefficients[code]! / item.sumW, p: item.rate / 100 })
  }
  let sumZ2 = 0
  // The size of the terms that cancel: what rounding in the sums is relative to.
  let scale = 0
  for (let j = 0; j < terms.length; j++) {
    for (let k = j; k < terms.length; k++) {
      const [tj, tk] = [terms[j]!, terms[k]!]
      const pair = orientedPair(pairs, tj.code, tk.code)
      if (j === k && !pair) return null
      if (!pair) continue // never answered together (planned missing items): contributes nothing
      const sums = squaredWeights(pair, useWeights)
      // Σ_i w_i² r_j r_k (y_j − p_j)(y_k − p_k)
      const cross = sums.sumW2AB - tk.p * sums.sumW2A - tj.p * sums.sumW2B + tj.p * tk.p * sums.sumW2
      const factor = (j === k ? 1 : 2) * tj.c * tk.c
      sumZ2 += factor * cross
      scale += Math.abs(factor) * (sums.sumW2AB + tk.p * sums.sumW2A + tj.p * sums.sumW2B + tj.p * tk.p * sums.sumW2)
    }
  }
  // When every answer agrees with its rate (each y − p is 0) the terms cancel exactly in theory,
  // but sums added in another order leave ~1e-16 of their size, whose square root would show as a
  // margin of ~1e-7 points. A true variance is never that small against its terms (at least about
  // 1/n² of them), so such a remainder is 0.
  if (isRoundingRemainder(sumZ2, scale)) return 0
  return (n / (n - 1)) * sumZ2 * 100 * 100
}

/** Relative size below which a variance is rounding left from terms that cancel. */
const ROUNDING = 1e-12

/**
 * Whether Σz² is only what rounding leaves of terms of total size `scale` that cancel in theory
 * (every answer agreeing with its rate): then the variance is 0.
 */
export function isRoundingRemainder(sumZ2: number, scale: number): boolean {
  return sumZ2 <= ROUNDING * scale
}

/**
 * The interval value ± z·√variance, clipped to 0..100. A variance of 0 means every answer agreed
 * with its rate (each rate 0 or 100): the normal approximation then gives a point, which claims
 * a certainty no sample has. The items are then as correlated as they can be, so the interval is
 * that of one proportion on the fewest valid answers among the index's items (`fewestValid`),
 * Wilson's, as an item's would be.
 */
export function intervalAround(value: number, variance: number, fewestValid: number, z = Z_95): IndexInterval {
  if (variance === 0 && fewestValid > 0) {
    const { low, high } = wilsonInterval((value / 100) * fewestValid, fewestValid, z)!
    return { low, high, margin: (high - low) / 2 }
  }
  const margin = z * Math.sqrt(variance)
  return { low: Math.max(0, value - margin), high: Math.min(100, value + margin), margin }
}

/** The linearised intervals of a unit's SIPAS and of each of its element indices (`useWeights` as for linearisedVariance). */
export function indexIntervals(
  methodology: Methodology,
  items: Readonly<Record<string, IndexItem>>,
  pairs: ItemPairs,
  n: number,
  useWeights: boolean,
  z = Z_95,
): IndexIntervals {
  const rates = Object.fromEntries(Object.entries(items).map(([code, item]) => [code, item.rate]))
  const coefficients = indexCoefficients(methodology, rates)
  const interval = (of: Coefficients | null): IndexInterval | null => {
    if (!of) return null
    const variance = linearisedVariance(of, items, pairs, n, useWeights)
    if (variance === null) return null
    let value = 0
    let fewestValid = Infinity
    for (const code in of) {
      value += of[code]! * items[code]!.rate!
      fewestValid = Math.min(fewestValid, orientedPair(pairs, code, code)!.n)
    }
    return intervalAround(value, variance, fewestValid, z)
  }
  return {
    sipas: interval(coefficients.sipas),
    elements: Object.fromEntries(
      Object.entries(coefficients.elements).map(([code, of]) => [code, interval(of)]),
    ),
  }
}

/** No interval for the unit index or any element (nothing to estimate them from). */
export function noIntervals(methodology: Methodology): IndexIntervals {
  return { sipas: null, elements: Object.fromEntries(methodology.elements.map((element) => [element.code, null])) }
}

/**
 * Σw², Σw²·a, Σw²·b, Σw²·a·b of a pair: its weighted sums, or with weights off (every w = 1) its
 * counts n, nA, nB, nAB.
 */
function squaredWeights(
  pair: PairSums,
  useWeights: boolean,
): Pick<PairSums, 'sumW2' | 'sumW2A' | 'sumW2B' | 'sumW2AB'> {
  return useWeights ? pair : { sumW2: pair.n, sumW2A: pair.nA, sumW2B: pair.nB, sumW2AB: pair.nAB }
}

/** The pair's sums with A = a and B = b, whichever way round they are stored. */
function orientedPair(pairs: ItemPairs, a: string, b: string): PairSums | null {
  const direct = pairs.get(a)?.get(b)
  if (direct) return direct
  const reversed = pairs.get(b)?.get(a)
  if (!reversed) return null
  return swapped(reversed)
}

/** The same pair with A and B exchanged. */
function swapped(sums: PairSums): PairSums {
  return { ...sums, nA: sums.nB, nB: sums.nA, sumW2A: sums.sumW2B, sumW2B: sums.sumW2A }
}

/** Adds `sums` to the pair (a, b) of `pairs`, keeping a pair stored one way round. */
export function addPair(pairs: Map<string, Map<string, PairSums>>, a: string, b: string, sums: PairSums): void {
  const reversed = a !== b && !pairs.get(a)?.has(b) && pairs.get(b)?.has(a)
  const [first, second] = reversed ? [b, a] : [a, b]
  const oriented = reversed ? swapped(sums) : sums
  let row = pairs.get(first)
  if (!row) pairs.set(first, (row = new Map()))
  const known = row.get(second)
  if (!known) {
    const { n, nA, nB, nAB, sumW2, sumW2A, sumW2B, sumW2AB } = oriented
    row.set(second, { n, nA, nB, nAB, sumW2, sumW2A, sumW2B, sumW2AB })
    return
  }
  known.n += oriented.n
  known.nA += oriented.nA
  known.nB += oriented.nB
  known.nAB += oriented.nAB
  known.sumW2 += oriented.sumW2
  known.sumW2A += oriented.sumW2A
  known.sumW2B += oriented.sumW2B
  known.sumW2AB += oriented.sumW2AB
}
