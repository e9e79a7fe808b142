/**
 * Scores are shown with 2 decimals, and grade bands and cut-off counts use the score as shown;
 * ranks use the unrounded score (rank.ts, docs/methodology.md).
 */
const SCORE_DECIMALS = 2

/**
 * Rounds half up on the decimal value people see, not on its binary approximation:
 * 89.995 is stored as 89.99499999…, and Math.round(89.995 * 100) would give 89.99 where the
 * published table (and Intl.NumberFormat) shows 90.00. Reading the product back at 15
 * significant digits, the precision a double guarantees, removes that representation error.
 */
export function roundScore(score: number): number {
  const factor = 10 ** SCORE_DECIMALS
  return Math.round(Number((score * factor).toPrecision(15))) / factor
}
