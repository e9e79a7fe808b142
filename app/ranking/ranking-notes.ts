import type { RankingTable } from './ranking-table'

/** A footnote under a ranking table: an i18n key of the rankings namespace and its values. */
export type RankingNote = { key: string; values?: Record<string, number> }

/**
 * What a reader needs to read the table: what rank changes compare with, and, when they apply,
 * the statistical-tie marker, whose ranks these are (published or computed on unrounded scores),
 * the minimum n and how intervals are built.
 */
export function rankingNotes(ranking: RankingTable): RankingNote[] {
  const year = ranking.year - 1
  const notes: RankingNote[] = []
  if (ranking.baseline === 'pro-forma') notes.push({ key: 'notes.proForma', values: { year, outOf: ranking.previousOutOf ?? 0 } })
  else if (ranking.reorganisation) notes.push({ key: 'notes.reorganised', values: { year } })
  else if (ranking.baseline === 'previous') notes.push({ key: 'notes.previous', values: { year, outOf: ranking.previousOutOf ?? 0 } })
  else notes.push({ key: 'notes.noPrevious', values: { year } })
  if (ranking.publishedRanks) notes.push({ key: 'notes.publishedRanks' })
  else if (showsEqualScoresApart(ranking)) notes.push({ key: 'notes.unrounded' })
  if (ranking.rows.some((row) => row.tiedWithAbove)) notes.push({ key: 'notes.ties' })
  if (ranking.minN !== null) notes.push({ key: 'notes.minN', values: { minN: ranking.minN } })
  if (ranking.index === 'SIPAS') {
    notes.push({ key: 'notes.interval' })
    notes.push({ key: ranking.responses === 'verified' ? 'notes.verifiedOnly' : 'notes.allResponses' })
  }
  return notes
}

/** Two ranked units shown with the same score (rows carry it rounded) but different ranks. */
function showsEqualScoresApart(ranking: RankingTable): boolean {
  const ranked = ranking.rows.filter((row) => row.status === 'ranked')
  return ranked.some((row, i) => {
    const next = ranked[i + 1]
    return next !== undefined && row.score !== null && row.score === next.score && row.rank !== next.rank
  })
}
