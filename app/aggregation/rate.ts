import { Z_95, weightedEstimate } from './wilson'

/**
 * What is counted for one proportion: the valid answers (the denominator) and those counted in
 * the numerator, both as plain counts and as weight sums. Unweighted tallies use weight 1 for
 * every answer (sumW = n, sumWPositive = positive, sumW2 = n), so there is one formula for both.
 */
export type Tally = {
  n: number
  positive: number
  sumW: number
  sumWPositive: number
  sumW2: number
}

/**
 * A proportion as published: rate and interval in percent, the valid n (unweighted) and, when
 * weighted, the effective n the interval rests on. `positive` is the unweighted count of answers
 * in the numerator. Rate and bounds are null when there are no valid answers.
 */
export type Rate = {
  rate: number | null
  low: number | null
  high: number | null
  n: number
  nEffective: number
  positive: number
}

/**
 * Substantive answers are the coded values ≥ 1 (definition.ts). DONT_KNOW, NOT_APPLICABLE and
 * blanks leave the denominator; "bình thường" (3) stays in it.
 */
export function isValidAnswer(value: number): boolean {
  return value >= 1
}

export const EMPTY_TALLY: Tally = { n: 0, positive: 0, sumW: 0, sumWPositive: 0, sumW2: 0 }

export function rateFromTally(tally: Tally, z = Z_95): Rate {
  const estimate = weightedEstimate(tally, z)
  return {
    rate: estimate?.rate ?? null,
    low: estimate?.low ?? null,
    high: estimate?.high ?? null,
    n: tally.n,
    nEffective: estimate?.nEffective ?? 0,
    positive: tally.positive,
  }
}
