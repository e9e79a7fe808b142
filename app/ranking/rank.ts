import { type GroupThreshold, groupOf } from './groups'
import { roundScore } from './round'
import { intervalsOverlap, tieGroups } from './ties'

/**
 * Two scores closer than this (in points of the score, e.g. percentage points) are equal for
 * ranking. The platform computes a score from integer counts in two ways (SQL rollups and the
 * raw-answer reference, which agree to 1e-9: docs/decisions/005-aggregation.md) and sums in an
 * order that differs between engines; a difference below that says nothing about the units.
 * Any difference at or above it does: ranks are never taken on the 2-decimal value people see
 * (docs/methodology.md, "Ranks and ties").
 */
export const SCORE_TIE_TOLERANCE = 1e-9

/** A unit to rank. A null score (no figure, or suppressed under the minimum n) gets no rank. */
export type ScoredUnit = {
  key: string
  score: number | null
  low?: number | null
  high?: number | null
  n?: number
  /**
   * The rank the index's publisher gave the unit (imported indices only). Used when every scored
   * unit of the peer group has one: published tables rank on more precision than they print.
   */
  publishedRank?: number | null
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
  /** The score as shown: rounded to 2 decimals. Ranks use the unrounded score. */
  rounded: number | null
  rank: number | null
  change: RankChange
  group: string | null
  /** Its 95 % interval overlaps that of the unit ranked directly above. */
  tiedWithAbove: boolean
}

export type Ranking<U extends ScoredUnit> = {
  /** Best first; units sharing a rank by key; units without a score last, by key. */
  units: RankedUnit<U>[]
  baseline: Baseline | null
  /** Runs of units the intervals can't order (ties.ts). */
  tieGroups: string[][]
  /** 'published': the ranks are the publisher's own (every scored unit had one). */
  ranks: 'computed' | 'published'
}

/**
 * Competition ranking (1, 2, 2, 4) within one peer group, on the unrounded score: units share a
 * rank only when their scores are equal to within SCORE_TIE_TOLERANCE of the best score of the
 * run, so ties never chain. When every scored unit carries a published rank, those ranks are
 * kept as they are.
 */
export function rankUnits<U extends ScoredUnit>(units: readonly U[], options: RankOptions = {}): Ranking<U> {
  const keys = new Set(units.map((unit) => unit.key))
  if (keys.size !== units.length) throw new Error('rankUnits: unit keys must be unique')

  const scored = units.filter((unit): unit is U & { score: number } => unit.score !== null)
  const published = scored.length > 0 && scored.every((unit) => unit.publishedRank != null)
  const placed = published ? placeByPublishedRank(scored) : placeByScore(scored)
  const unscored = units.filter((unit) => unit.score === null).sort((a, b) => compareKeys(a.key, b.key))

  const ranked: RankedUnit<U>[] = []
  const rankOf = new Map(placed.map(({ unit, rank }) => [unit.key, rank]))
  for (const unit of [...placed.map((place) => place.unit), ...unscored]) {
    const above = ranked.at(-1)
    const rank = rankOf.get(unit.key) ?? null
    ranked.push({
      ...unit,
      rounded: unit.score === null ? null : roundScore(unit.score),
      rank,
      change: rankChange(unit.key, rank, options),
      group: options.thresholds ? groupOf(unit.score, options.thresholds) : null,
      tiedWithAbove: rank !== null && above !== undefined && intervalsOverlap(unit, above),
    })
  }
  return {
    units: ranked,
    baseline: options.previous?.baseline ?? null,
    tieGroups: tieGroups(ranked),
    ranks: published ? 'published' : 'computed',
  }
}

type Placed<U> = { unit: U; rank: number }

function placeByScore<U extends ScoredUnit & { score: number }>(units: readonly U[]): Placed<U>[] {
  const sorted = [...units].sort((a, b) => b.score - a.score || compareKeys(a.key, b.key))
  const placed: Placed<U>[] = []
  let head: Placed<U> | undefined
  sorted.forEach((unit, index) => {
    const place = head && head.unit.score - unit.score <= SCORE_TIE_TOLERANCE ? { unit, rank: head.rank } : { unit, rank: index + 1 }
    if (place.rank !== head?.rank) head = place
    placed.push(place)
  })
  // Units sharing a rank are listed by key, not by their noise-level score differences.
  return placed.sort((a, b) => a.rank - b.rank || compareKeys(a.unit.key, b.unit.key))
}

function placeByPublishedRank<U extends ScoredUnit & { score: number }>(units: readonly U[]): Placed<U>[] {
  return units
    .map((unit) => ({ unit, rank: unit.publishedRank! }))
    .sort((a, b) => a.rank - b.rank || b.unit.score - a.unit.score || compareKeys(a.unit.key, b.unit.key))
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
