/*
 * How many people to ask at a service point: the official target and the textbook version with a
 * chosen confidence level. Pure; what the figures mean and a worked example are in
 * docs/methodology.md ("Sampling plans"), why the official one is the target in
 * docs/decisions/028-sampling-plans.md.
 */

/** The margin of error a plan takes when none is given: 5 points, as the official method says. */
export const DEFAULT_MARGIN_OF_ERROR = 0.05
/** Margins above this are meaningless for a proportion (the whole 0–100 % range). */
const MAX_MARGIN_OF_ERROR = 0.5

/**
 * The confidence levels a plan may state, with their two-sided normal quantiles Φ⁻¹((1 + c) / 2)
 * to 6 decimals. A short list rather than any number: these are the levels survey practice uses,
 * and a plan must say which one its Cochran figure assumes.
 */
export const CONFIDENCE_LEVELS = { 0.9: 1.644854, 0.95: 1.959964, 0.99: 2.575829 } as const
export type ConfidenceLevel = keyof typeof CONFIDENCE_LEVELS
export const DEFAULT_CONFIDENCE: ConfidenceLevel = 0.95

export function isConfidenceLevel(value: number): value is ConfidenceLevel {
  return Object.keys(CONFIDENCE_LEVELS).map(Number).includes(value)
}

/** Whether `e` can be a plan's margin of error: a fraction in (0, 0.5]. */
export function isMarginOfError(e: number): boolean {
  return Number.isFinite(e) && e > 0 && e <= MAX_MARGIN_OF_ERROR
}

function checkPlan(populationN: number, e: number) {
  if (!Number.isInteger(populationN) || populationN < 1) throw new RangeError(`N must be a positive whole number, not ${populationN}`)
  if (!isMarginOfError(e)) throw new RangeError(`The margin of error must be in (0, ${MAX_MARGIN_OF_ERROR}], not ${e}`)
}

/**
 * Yamane's n = N / (1 + N·e²), unrounded: the official target formula. It is the finite-population
 * sample size for a proportion of 0.5 at about 95 % confidence (it takes z² = 4, i.e. z = 2).
 */
export function yamaneSize(populationN: number, e: number): number {
  checkPlan(populationN, e)
  return populationN / (1 + populationN * e * e)
}

/**
 * Cochran's sample size with the finite-population correction, unrounded:
 * n₀ = z²·p·(1 − p) / e², n = n₀ / (1 + (n₀ − 1) / N). `p` is the proportion expected (0.5, the
 * most demanding, when nothing is known).
 */
export function cochranSize(populationN: number, e: number, confidence: ConfidenceLevel, p = 0.5): number {
  checkPlan(populationN, e)
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), not ${p}`)
  const z = CONFIDENCE_LEVELS[confidence]
  const n0 = (z * z * p * (1 - p)) / (e * e)
  return n0 / (1 + (n0 - 1) / populationN)
}

/**
 * A size to collect: rounded up, so the margin is met rather than nearly met, and never more
 * than the people served. The tiny tolerance keeps an exact whole number (1000.0000000001 from
 * floating point) from rounding up to the next.
 */
function roundUpSize(size: number, populationN: number): number {
  return Math.min(populationN, Math.ceil(size - 1e-9))
}

/** The official target of a plan: Yamane's n rounded up. */
export function targetSize(populationN: number, e: number): number {
  return roundUpSize(yamaneSize(populationN, e), populationN)
}

/** The plan's Cochran n at its own confidence level, rounded up. */
export function cochranTarget(populationN: number, e: number, confidence: ConfidenceLevel): number {
  return roundUpSize(cochranSize(populationN, e, confidence), populationN)
}
