import { roundScore } from './round'

/**
 * Grade bands are configuration per index and year (PAR INDEX 2024: A ≥ 90, B 80 to < 90; other
 * years used other cut-offs), e.g. [{ group: 'A', min: 90 }, { group: 'B', min: 80 }, …].
 */
export type GroupThreshold = { group: string; min: number }

/**
 * The band whose minimum is the highest one the rounded score reaches; null when the score is
 * missing or below every band. The order of the thresholds doesn't matter.
 */
export function groupOf(score: number | null, thresholds: readonly GroupThreshold[]): string | null {
  if (score === null) return null
  const rounded = roundScore(score)
  let best: GroupThreshold | null = null
  for (const threshold of thresholds) {
    if (rounded >= threshold.min && (best === null || threshold.min > best.min)) best = threshold
  }
  return best?.group ?? null
}
