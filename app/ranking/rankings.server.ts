import { aggregationSettings, unitFigures } from '~/aggregation/figures.server'
import { yearPeriod } from '~/aggregation/period'
import { readFigures } from '~/aggregation/figure-reads.server'
import type { UnitLevel } from '~/aggregation/reference'
import type { ResponseBasis } from '~/aggregation/response-basis'
import { dominantSeries } from '~/aggregation/series'
import { reader } from '~/db/replica.server'
import { isoDate } from '~/i18n/format'
import { getExternalScores } from './external-import.server'
import type { GroupThreshold } from './groups'
import { type IndexCode, type PeerGroup, indexAppliesTo, isExternalIndex, isInnerPeerGroup } from './indices'
import { reorganisedUnits } from './lineage'
import { type PeerUnit, lineageDuring, listPeerUnits, yearEnd } from './peer-units.server'
import { type PreviousRanks, rankUnits } from './rank'
import { getGroupThresholds } from './ranking-settings.server'
import type { PublishedRanking, RankingRow, RankingTable } from './ranking-table'
import { findSnapshot, saveSnapshot } from './snapshots.server'
import { countAtCutoff, summarizeScores } from './summary'

/*
 * Rankings as published: a frozen snapshot when an administrator has frozen the period,
 * otherwise computed live from the figures and labelled provisional. The math is the pure
 * ranking module (rank.ts, lineage.ts, groups.ts, summary.ts); this file only gathers scores.
 */

export type RankingQuery = {
  year: number
  index: IndexCode
  peerGroup: PeerGroup
  provinceId: string | null
  /** Which responses the figures count; by default the official basis (official-basis.server.ts). */
  responses?: ResponseBasis
}

/**
 * The official ranking if frozen, else the live one (provisional); read as one read-only unit
 * (on the replica when it has caught up, docs/decisions/024-read-replica.md). A frozen ranking
 * made on another basis than the one asked for is not it: that one is computed live.
 */
export async function getRanking(query: RankingQuery): Promise<PublishedRanking> {
  return readFigures(async () => {
    const frozen = await findSnapshot(query)
    // Imported indices count no responses: any basis is theirs.
    const sameBasis = query.responses === undefined || isExternalIndex(query.index) || frozen?.responses === query.responses
    if (frozen && sameBasis) return frozen
    return { ...(await computeRanking(query)), status: { kind: 'provisional' } }
  })
}

/** Computes the ranking now and stores it as the period's official one. */
export async function freezeRanking(query: RankingQuery, actorId: string) {
  return saveSnapshot(await computeRanking(query), actorId)
}

/** A unit with the score it is ranked on (unrounded) and how that score came about. */
type Scored = PeerUnit & {
  key: string
  score: number | null
  /** The publisher's rank of an imported score, if the file gave one. */
  publishedRank?: number | null
  respondents: number | null
  verified: number | null
  low: number | null
  high: number | null
  /** The margin of error achieved (half the interval's width before clipping, in points). */
  margin: number | null
  status: RankingRow['status']
}

/** What survey scores are computed with: the minimum n and the responses counted. */
type ScoreBasis = { minN: number; responses: ResponseBasis }

/** The live ranking of a peer group in a year, with rank changes against the right baseline. */
export async function computeRanking(query: RankingQuery): Promise<RankingTable> {
  return readFigures(() => rankNow(query))
}

async function rankNow(query: RankingQuery): Promise<RankingTable> {
  const { year, index, peerGroup } = query
  const provinceId = isInnerPeerGroup(peerGroup) ? query.provinceId ?? null : null
  const applies = indexAppliesTo(index, peerGroup)
  const [units, thresholds, settings] = await Promise.all([
    applies ? listPeerUnits(peerGroup, year, provinceId) : Promise.resolve([]),
    getGroupThresholds(index, year),
    aggregationSettings(),
  ])
  const basis = { minN: settings.minN, responses: query.responses ?? settings.responses }
  const scored = await scoreUnits(index, peerGroup, units, year, basis)
  const comparison = await previousRanks(query, units, basis)
  const ranking = rankUnits(
    // Withheld and missing scores take no rank; they are listed after the ranked units.
    scored.map((unit) => (unit.status === 'ranked' ? unit : { ...unit, score: null })),
    { previous: comparison.previous, reorganised: comparison.reorganised, thresholds }
  )
  const byStatus: Record<RankingRow['status'], number> = { ranked: 0, insufficientSample: 1, noData: 2 }
  const rows: RankingRow[] = ranking.units
    .map((unit) => ({
      unitId: unit.id,
      code: unit.code,
      name: unit.name,
      nameEn: unit.nameEn,
      score: unit.rounded,
      n: unit.respondents,
      verified: unit.verified,
      low: unit.status === 'ranked' ? unit.low ?? null : null,
      high: unit.status === 'ranked' ? unit.high ?? null : null,
      margin: unit.status === 'ranked' ? unit.margin ?? null : null,
      rank: unit.rank,
      change: unit.change,
      group: unit.group,
      tiedWithAbove: unit.tiedWithAbove,
      status: unit.status,
    }))
    // Ranked units keep their rank order; the others follow by code, as official tables list them.
    .sort(
      (a, b) =>
        byStatus[a.status] - byStatus[b.status] ||
        (a.status === 'ranked' ? 0 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
    )
  const ranked = scored.filter((unit) => unit.status === 'ranked')
  return {
    year,
    index,
    peerGroup,
    provinceId,
    rows,
    baseline: ranking.baseline,
    publishedRanks: ranking.ranks === 'published',
    outOf: ranked.length,
    previousOutOf: comparison.previousOutOf,
    reorganisation: comparison.reorganised !== undefined,
    thresholds,
    responses: basis.responses,
    minN: isExternalIndex(index) ? null : settings.minN,
    summary: summarize(ranked, thresholds),
  }
}

function summarize(ranked: readonly Scored[], thresholds: readonly GroupThreshold[]) {
  return {
    ...summarizeScores(ranked, thresholds),
    cutoffs: thresholds
      .filter((band) => band.min > 0)
      .map((band) => ({ group: band.group, min: band.min, ...countAtCutoff(ranked, band.min) })),
  }
}

const LEVEL: Record<PeerGroup, UnitLevel> = {
  provinces: 'province',
  departments: 'agency',
  communes: 'agency',
  ministries: 'agency',
  servicePoints: 'servicePoint',
}

/**
 * Scores of `units` in `year`: SIPAS from the survey figures, other indices from the imported
 * scores (matched on the unit code). `asOf` re-attributes a merged province's answers to its
 * successor (the pro-forma baseline); by default a year counts for the provinces of that year.
 */
async function scoreUnits(
  index: IndexCode,
  peerGroup: PeerGroup,
  units: readonly PeerUnit[],
  year: number,
  basis: ScoreBasis,
  asOf?: string
): Promise<Scored[]> {
  if (units.length === 0) return []
  if (isExternalIndex(index)) {
    const scores = await getExternalScores(index, year)
    return units.map((unit) => {
      const imported = scores.get(unit.code) ?? null
      return {
        ...unit,
        key: unit.id,
        score: imported?.score ?? null,
        publishedRank: imported?.rank ?? null,
        respondents: null,
        verified: null,
        low: null,
        high: null,
        margin: null,
        status: imported === null ? 'noData' : 'ranked',
      }
    })
  }
  const rows = await unitFigures(
    { period: yearPeriod(year), level: LEVEL[peerGroup], ids: units.map((unit) => unit.id), asOf },
    basis
  )
  // Units are compared within one methodology series: the one most respondents answered.
  const series = dominantSeries(rows)
  const figuresOf = new Map(rows.filter((row) => row.methodologyCode === series).map((row) => [row.unitId, row]))
  return units.map((unit): Scored => {
    const row = figuresOf.get(unit.id)
    if (!row || row.figures.sipas === null) {
      return {
        ...unit,
        key: unit.id,
        score: null,
        respondents: row?.figures.n ?? null,
        verified: row?.verified ?? null,
        low: null,
        high: null,
        margin: null,
        status: 'noData',
      }
    }
    const { figures } = row
    // The linearised interval from the respondents (docs/methodology.md, "95 % intervals").
    const interval = figures.intervals.sipas
    return {
      ...unit,
      key: unit.id,
      score: figures.sipas,
      respondents: figures.n,
      verified: row.verified,
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      margin: interval?.margin ?? null,
      status: figures.suppressed ? 'insufficientSample' : 'ranked',
    }
  })
}

type Comparison = { previous?: PreviousRanks; reorganised?: Set<string>; previousOutOf: number | null }

/**
 * What this year's ranks are compared with. Normally last year's ranks (frozen if frozen). When
 * the provinces were reorganised during the year, ranks out of 63 and out of 34 don't compare:
 * SIPAS is compared with a pro-forma previous year re-aggregated over today's provinces from
 * their predecessors' answers; imported indices can't be re-aggregated, so merged units show
 * 'reorganised' and the others no change.
 */
async function previousRanks(query: RankingQuery, units: readonly PeerUnit[], basis: ScoreBasis): Promise<Comparison> {
  const { year, index, peerGroup } = query
  const provinceId = query.provinceId ?? null
  if (units.length === 0) return { previousOutOf: null }
  const previousUnits = await listPeerUnits(peerGroup, year - 1, provinceId)
  const before = new Set(previousUnits.map((unit) => unit.id))
  const reorganisedGroup =
    peerGroup === 'provinces' && (before.size !== units.length || units.some((unit) => !before.has(unit.id)))

  if (!reorganisedGroup) {
    const frozen = await findSnapshot({ ...query, year: year - 1 })
    const ranks = frozen
      ? new Map(frozen.rows.flatMap((row) => (row.rank === null ? [] : [[row.unitId, row.rank] as const])))
      : ranksOf(await scoreUnits(index, peerGroup, previousUnits, year - 1, basis))
    return ranks.size === 0
      ? { previousOutOf: null }
      : { previous: { ranks, baseline: 'previous' }, previousOutOf: ranks.size }
  }

  const links = await lineageDuring(year)
  const reorganised = reorganisedUnits(
    links.map((link) => ({ predecessor: link.predecessorId, successor: link.successorId }))
  )
  if (isExternalIndex(index)) return { reorganised, previousOutOf: null }
  const proForma = await scoreUnits(index, peerGroup, units, year - 1, basis, isoDate(yearEnd(year)))
  const ranks = ranksOf(proForma)
  return ranks.size === 0
    ? { reorganised, previousOutOf: null }
    : { previous: { ranks, baseline: 'pro-forma' }, reorganised, previousOutOf: ranks.size }
}

/** Years a ranking can be asked for: those with survey answers or imported scores, newest first. */
export async function rankingYears(): Promise<number[]> {
  const [survey, external] = await readFigures(() =>
    Promise.all([
      reader().$queryRaw<{ year: number }[]>`SELECT DISTINCT extract(year FROM month)::int AS year FROM "ResponseRollup"`,
      reader().externalScore.findMany({ distinct: ['year'], select: { year: true } }),
    ])
  )
  return [...new Set([...survey, ...external].map((row) => Number(row.year)))].sort((a, b) => b - a)
}

/**
 * The year a ranking page opens on: the latest complete year with data, else the current one
 * (the current year's figures are partial and provisional by nature).
 */
export function defaultRankingYear(years: readonly number[], today = new Date()): number {
  const current = today.getUTCFullYear()
  return years.find((year) => year < current) ?? years[0] ?? current
}

/** Ranks of the units with a publishable score, by unit id. */
function ranksOf(scored: readonly Scored[]): Map<string, number> {
  const ranking = rankUnits(scored.filter((unit) => unit.status === 'ranked'))
  return new Map(ranking.units.flatMap((unit) => (unit.rank === null ? [] : [[unit.id, unit.rank] as const])))
}
