/** 95 % intervals, in the same unit as the score. */
export type Interval = { low?: number | null; high?: number | null }

/**
 * Two units are statistically tied when their 95 % intervals overlap: the data can't tell them
 * apart, however far apart their ranks. Without both intervals nothing can be said, so no tie.
 *
 * NOTE: overlap is the conservative reading (two estimates can differ significantly while their
 * intervals still overlap a little); it errs on the side of not over-reading rank differences.
 */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  if (a.low == null || a.high == null || b.low == null || b.high == null) return false
  return a.low <= b.high && b.low <= a.high
}

/**
 * Chains of consecutive units, each tied with the one directly above it, in rank order. A chain
 * can link units whose own intervals don't overlap (A~B, B~C, A≁C): it marks a run of the
 * table the data can't order, not a set of mutual ties.
 */
export function tieGroups(ranked: readonly { key: string; tiedWithAbove: boolean }[]): string[][] {
  const groups: string[][] = []
  let current: string[] = []
  for (const unit of ranked) {
    if (unit.tiedWithAbove && current.length > 0) {
      current.push(unit.key)
      continue
    }
    if (current.length > 1) groups.push(current)
    current = [unit.key]
  }
  if (current.length > 1) groups.push(current)
  return groups
}
