import { type GroupThreshold, groupOf } from './groups'
import { roundScore } from './round'
import { intervalsOverlap, tieGroups } from './ties'

/** A unit to rank. A null score (no figure, or suppressed under the minimum n) gets no rank. */
export type ScoredUnit = {
  key: string
  score: number | null
  low?: number | null
  high?: number | null
  n?: number
}

/**
 * previous rank − rank, so positive means the unit moved up ("tăng 13 bậc"); null when there is
 * nothing to compare with; 'reorganised' when the unit was merged or split and no pro-forma
 * baseline gives it a comparable previous rank.
 */
export type RankChange = number | 'reorganised' | null

/**
 * 'previous': the ranks published for the previous period. 'pro-forma': the previous period
 * re-aggregated over today's units (lineage.ts), which must be labelled as such wherever shown.
 */
export type Baseline = 'previous' | 'pro-forma'

/** Previous ranks keyed by the current unit's key. */
export type PreviousRanks = { ranks: ReadonlyMap<string, number>; baseline: Baseline }

export type RankOptions = {
  /**
   * NOTE: ranks out of different peer counts don't compare (63 provinces before July 2025, 34
   * after). For the first period after a reorganisation pass a pro-forma baseline or nothing.
   */
  previous?: PreviousRanks
  /** Units the lineage marks as merged or split (see reorganisedUnits). */
  reorganised?: ReadonlySet<string>
  /** Grade bands for this index and year. */
  thresholds?: readonly GroupThreshold[]
}

export type RankedUnit<U extends ScoredUnit> = U & {
  /** The score as published and ranked: rounded to 2 decimals. */
  rounded: number | null
  rank: number | null
  change: RankChange
  group: string | null
  /** Its 95 % interval overlaps that of the unit ranked directly above. */
  tiedWithAbove: boolean
}

export type Ranking<U extends ScoredUnit> = {
  /** Best first; ties on the rounded score by key; units without a score last, by key. */
  units: RankedUnit<U>[]
  baseline: Baseline | null
  /** Runs of units the intervals can't order (ties.ts). */
  tieGroups: string[][]
}

/** Competition ranking (1, 2, 2, 4) on the rounded score within one peer group. */
export function rankUnits<U extends ScoredUnit>(units: readonly U[], options: RankOptions = {}): Ranking<U> {
  const keys = new Set(units.map((unit) => unit.key))
  if (keys.size !== units.length) throw new Error('rankUnits: unit keys must be unique')

  const sorted = units
    .map((unit) => ({ unit, rounded: unit.score === null ? null : roundScore(unit.score) }))
    .sort(
      (a, b) => (b.rounded ?? -Infinity) - (a.rounded ?? -Infinity) || compareKeys(a.unit.key, b.unit.key),
    )

  const ranked: RankedUnit<U>[] = []
  sorted.forEach(({ unit, rounded }, index) => {
    const above = ranked[index - 1]
    const rank = rounded === null ? null : above && above.rounded === rounded ? above.rank : index + 1
    ranked.push({
      ...unit,
      rounded,
      rank,
      change: rankChange(unit.key, rank, options),
      group: options.thresholds ? groupOf(unit.score, options.thresholds) : null,
      tiedWithAbove: rank !== null && above !== undefined && intervalsOverlap(unit, above),
    })
  })
  return { units: ranked, baseline: options.previous?.baseline ?? null, tieGroups: tieGroups(ranked) }
}

function rankChange(key: string, rank: number | null, options: RankOptions): RankChange {
  if (rank === null) return null
  const previousRank = options.previous?.ranks.get(key)
  const comparable = options.previous?.baseline === 'pro-forma' && previousRank !== undefined
  if (options.reorganised?.has(key) && !comparable) return 'reorganised'
  return previousRank === undefined ? null : previousRank - rank
}

/** Code-point order, so the table is the same on every machine whatever its locale. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
