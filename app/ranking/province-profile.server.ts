import { nationalFigures, unitFigures } from '~/aggregation/figures.server'
import { yearPeriod } from '~/aggregation/period'
import type { ResponseBasis } from '~/aggregation/response-basis'
import { getVersionCatalog } from '~/aggregation/versions.server'
import { prisma } from '~/db.server'
import { provinceSummarySelect } from '~/units/unit-select'
import { isoDate } from '~/i18n/format'
import { INDICES, type IndexCode } from './indices'
import { yearEnd } from './peer-units.server'
import { pointsFromSipas } from './points'
import { getSipasCriterionPoints } from './ranking-settings.server'
import type { RankingRow } from './ranking-table'
import { getRanking } from './rankings.server'

/*
 * Everything the public province page shows: where the province stands on every index in a year
 * ("PAR INDEX 6/63 (+6) · SIPAS 11/63 (+13)"), its SIPAS over the years, its element breakdown
 * against the national figures, and SIPAS as points of PAR INDEX's satisfaction criterion.
 */

export async function getProvince(provinceId: string) {
  return prisma.adminUnit.findUnique({
    where: { id: provinceId },
    select: {
      ...provinceSummarySelect,
      validFrom: true,
      validTo: true,
      successors: { select: { successor: { select: { id: true, name: true } }, effectiveOn: true } },
      predecessors: { select: { predecessor: { select: { id: true, name: true } } } },
    },
  })
}

export type IndexStanding = {
  index: IndexCode
  score: number | null
  rank: number | null
  outOf: number
  previousOutOf: number | null
  change: RankingRow['change']
  status: RankingRow['status'] | 'notRanked'
  baseline: 'previous' | 'pro-forma' | null
  provisional: boolean
}

/** The province's place on each index in `year`; only indices that rank it are listed. */
export async function getIndexStandings(provinceId: string, year: number, responses?: ResponseBasis): Promise<IndexStanding[]> {
  const rankings = await Promise.all(
    INDICES.map((index) => getRanking({ year, index, peerGroup: 'provinces', provinceId: null, responses })),
  )
  return rankings.flatMap((ranking): IndexStanding[] => {
    const row = ranking.rows.find((candidate) => candidate.unitId === provinceId)
    if (!row || (ranking.index !== 'SIPAS' && row.status === 'noData')) return []
    return [
      {
        index: ranking.index,
        score: row.score,
        rank: row.rank,
        outOf: ranking.outOf,
        previousOutOf: ranking.previousOutOf,
        change: row.change,
        status: row.status,
        baseline: ranking.baseline,
        provisional: ranking.status.kind === 'provisional',
      },
    ]
  })
}

/** The minimum n, and which responses count (the page's filter). */
type FigureBasis = { minN: number; responses: ResponseBasis }

export type TrendYear = {
  year: number
  sipas: number | null
  n: number
  /** Verified respondents among n. */
  verified: number
  suppressed: boolean
  /** Before the province existed: its predecessors' answers re-aggregated (labelled). */
  proForma: boolean
  /** The national comparator: in a pro-forma year, the mean of the pro-forma provinces. */
  national: number | null
  /** In a pro-forma year, the official national figure of that year's provinces (shown beside); else null. */
  officialNational: number | null
}

/**
 * SIPAS per year. Years before a merged province existed are re-aggregated from its predecessors
 * (pro-forma); a province that has ended is shown up to its last year.
 */
export async function getSipasTrend(
  province: { id: string; validFrom: Date | null; validTo: Date | null },
  years: readonly number[],
  settings: FigureBasis,
): Promise<TrendYear[]> {
  const { lastYear } = yearsInForce(province)
  const wanted = [...years].filter((year) => lastYear === null || year <= lastYear).sort((a, b) => a - b)
  return Promise.all(
    wanted.map(async (year) => {
      const { proForma, asOf } = attribution(province, year)
      const [rows, { national, official }] = await Promise.all([
        unitFigures({ period: yearPeriod(year), level: 'province', ids: [province.id], asOf }, settings),
        nationalComparators(year, asOf, settings),
      ])
      const figures = rows[0]?.figures
      return {
        year,
        sipas: figures && !figures.suppressed ? figures.sipas : null,
        n: figures?.n ?? 0,
        verified: rows[0]?.verified ?? 0,
        suppressed: figures?.suppressed ?? true,
        proForma,
        national: national.national.sipas,
        officialNational: official?.national.sipas ?? null,
      }
    }),
  )
}

/**
 * What a province's figures in `year` are compared with. Figures re-aggregated over today's
 * provinces (pro-forma, `asOf` given) compare with the pro-forma national value, the mean of the
 * pro-forma provinces, not with the mean of the provinces of the time; that official mean is
 * returned beside it (`official`, null when the year is not pro-forma).
 */
async function nationalComparators(year: number, asOf: string | undefined, settings: FigureBasis) {
  const period = yearPeriod(year)
  const [national, official] = await Promise.all([
    nationalFigures({ period, asOf }, settings),
    asOf === undefined ? Promise.resolve(null) : nationalFigures({ period }, settings),
  ])
  return { national, official }
}

export type ElementFigure = {
  code: string
  name: { vi: string; en: string }
  value: number | null
  low: number | null
  high: number | null
  /** The margin of error achieved (half the interval, in points). */
  margin: number | null
  national: number | null
}

/**
 * A province is listed in a year when it is in force on 31 December: the 63 until 2024, the 34
 * from 2025 (ranking/peer-units.server.ts).
 */
export function yearsInForce(province: { validFrom: Date | null; validTo: Date | null }) {
  const firstYear = province.validFrom?.getUTCFullYear() ?? null
  const end = province.validTo
  const lastYear = end === null ? null : yearEnd(end.getUTCFullYear()) <= end ? end.getUTCFullYear() : end.getUTCFullYear() - 1
  return { firstYear, lastYear }
}

/** How a year's answers are counted for the province: before it existed, pro-forma from its predecessors. */
function attribution(province: { validFrom: Date | null; validTo: Date | null }, year: number) {
  const { firstYear } = yearsInForce(province)
  const proForma = firstYear !== null && year < firstYear
  return { proForma, asOf: proForma ? isoDate(yearEnd(firstYear)) : undefined }
}

/** The province's element indices in a year, with intervals, beside the national ones. */
export async function getElementBreakdown(
  province: { id: string; validFrom: Date | null; validTo: Date | null },
  year: number,
  settings: FigureBasis,
) {
  const { proForma, asOf } = attribution(province, year)
  const [rows, { national, official }] = await Promise.all([
    unitFigures({ period: yearPeriod(year), level: 'province', ids: [province.id], asOf }, settings),
    nationalComparators(year, asOf, settings),
  ])
  const row = rows[0]
  if (!row) return null
  const catalog = await getVersionCatalog([row.versionId])
  const methodology = catalog.versions.get(row.versionId)!.definition.methodology
  const intervals = row.figures.intervals.elements
  const suppressed = row.figures.suppressed
  const elements: ElementFigure[] = methodology.elements.map((element) => ({
    code: element.code,
    name: element.name as { vi: string; en: string },
    value: suppressed ? null : (row.figures.elements[element.code] ?? null),
    low: suppressed ? null : (intervals[element.code]?.low ?? null),
    high: suppressed ? null : (intervals[element.code]?.high ?? null),
    margin: suppressed ? null : (intervals[element.code]?.margin ?? null),
    national: national.methodologyCode === row.methodologyCode ? (national.national.elements[element.code] ?? null) : null,
  }))
  const interval = suppressed ? null : row.figures.intervals.sipas
  return {
    proForma,
    n: row.figures.n,
    verified: row.verified,
    suppressed,
    sipas: suppressed ? null : row.figures.sipas,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
    margin: interval?.margin ?? null,
    nationalSipas: national.national.sipas,
    officialNationalSipas: official?.national.sipas ?? null,
    elements,
  }
}

/** SIPAS as points of PAR INDEX's citizen-satisfaction criterion; null when not configured. */
export async function getParIndexContribution(sipas: number | null, year: number) {
  const maxPoints = await getSipasCriterionPoints(year)
  if (maxPoints === null) return { configured: false as const }
  return { configured: true as const, maxPoints, points: sipas === null ? null : pointsFromSipas(sipas, maxPoints) }
}
