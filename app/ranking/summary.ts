import { type GroupThreshold, groupOf } from './groups'
import { roundScore } from './round'

export type ScoreSummary = {
  /** Units with a score; units without one are counted apart and left out of every figure. */
  count: number
  unscored: number
  mean: number | null
  min: number | null
  max: number | null
  /** Units per band, every configured band listed even when empty. */
  perGroup: Record<string, number>
}

/** The summary line under a ranking table: mean, range and how many units fall in each band. */
export function summarizeScores(
  units: readonly { score: number | null }[],
  thresholds: readonly GroupThreshold[] = [],
): ScoreSummary {
  const scores = units.map((unit) => unit.score).filter((score): score is number => score !== null)
  const perGroup = Object.fromEntries(thresholds.map((threshold) => [threshold.group, 0]))
  for (const score of scores) {
    const group = groupOf(score, thresholds)
    if (group !== null) perGroup[group] = (perGroup[group] ?? 0) + 1
  }
  return {
    count: scores.length,
    unscored: units.length - scores.length,
    mean: scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length,
    min: scores.length === 0 ? null : Math.min(...scores),
    max: scores.length === 0 ? null : Math.max(...scores),
    perGroup,
  }
}

/**
 * How many scored units reach a cut-off and how many fall short ("45 of 63 provinces at or
 * above 80 %"). Like bands, this compares the rounded score, so it agrees with the table.
 */
export function countAtCutoff(
  units: readonly { score: number | null }[],
  cutoff: number,
): { atOrAbove: number; below: number } {
  let atOrAbove = 0
  let below = 0
  for (const { score } of units) {
    if (score === null) continue
    if (roundScore(score) >= cutoff) atOrAbove += 1
    else below += 1
  }
  return { atOrAbove, below }
}
