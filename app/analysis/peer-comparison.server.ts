import { nationalFigures, unitFigures } from '~/aggregation/figures.server'
import { yearPeriod } from '~/aggregation/period'
import type { ResponseBasis } from '~/aggregation/response-basis'
import { dominantSeries } from '~/aggregation/series'
import { getVersionCatalog } from '~/aggregation/versions.server'
import { prisma } from '~/db.server'
import type { LocalizedText } from '~/questionnaire/definition'
import { INDICES, type IndexCode, type PeerGroup, isExternalIndex } from '~/ranking/indices'
import { getProvince, getSipasTrend, yearsInForce } from '~/ranking/province-profile.server'
import type { RankingRow } from '~/ranking/ranking-table'
import { getRanking } from '~/ranking/rankings.server'
import type { CompareLevel } from './peer-comparison'

/*
 * The peer comparison (docs/decisions/030-analysis.md): two to six provinces, or agencies of one
 * province, side by side in a year. Every figure comes from the modules that publish it: the
 * element and index figures from the aggregation module with their linearised intervals
 * (aggregation/index-variance.ts), ranks and rank changes from the published rankings (ranking/rankings.server.ts,
 * against the pro-forma baseline across the 2025 merger), the trend from the province profile
 * (pro-forma years labelled), and the imported indices from their ranking tables.
 */

/** A unit that can be compared, with the province it belongs to (for the scope check). */
export type CompareUnit = { id: string; code: string; name: string; nameEn: string; provinceId: string | null; kind: string | null }

/** The chosen units, in the order asked; null when one of them does not exist. */
export async function getCompareUnits(level: CompareLevel, ids: readonly string[]): Promise<CompareUnit[] | null> {
  const found: CompareUnit[] =
    level === 'province'
      ? (await prisma.adminUnit.findMany({ where: { id: { in: [...ids] } }, select: { id: true, code: true, name: true } })).map(
          (unit) => ({ ...unit, nameEn: unit.name, provinceId: unit.id, kind: null }),
        )
      : await prisma.agency.findMany({
          where: { id: { in: [...ids] } },
          select: { id: true, code: true, name: true, nameEn: true, provinceId: true, kind: true },
        })
  const byId = new Map(found.map((unit) => [unit.id, unit]))
  const units = ids.map((id) => byId.get(id))
  return units.every((unit) => unit !== undefined) ? (units as CompareUnit[]) : null
}

/** What can be picked: provinces in force at the end of `year`; the agencies of one province. */
export async function listComparableUnits(year: number, provinceId: string | null) {
  const yearEnd = new Date(Date.UTC(year, 11, 31))
  const inForce = {
    AND: [
      { OR: [{ validFrom: null }, { validFrom: { lte: yearEnd } }] },
      { OR: [{ validTo: null }, { validTo: { gte: yearEnd } }] },
    ],
  }
  const [provinces, agencies] = await Promise.all([
    prisma.adminUnit.findMany({ where: inForce, select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } }),
    provinceId
      ? prisma.agency.findMany({
          where: { provinceId, ...inForce },
          select: { id: true, code: true, name: true, nameEn: true },
          orderBy: { code: 'asc' },
        })
      : Promise.resolve([]),
  ])
  return { provinces, agencies }
}

export type Estimate = { value: number | null; low: number | null; high: number | null }

export type Standing = {
  rank: number | null
  outOf: number
  change: RankingRow['change']
  status: RankingRow['status']
}

export type ExternalStanding = Standing & { index: IndexCode; score: number | null }

export type PeerColumn = {
  id: string
  code: string
  name: string
  nameEn: string
  n: number
  suppressed: boolean
  sipas: Estimate
  standing: Standing | null
  elements: Record<string, Estimate>
  trend: { year: number; value: number | null; proForma: boolean }[]
  external: ExternalStanding[]
}

export type PeerComparison = {
  level: CompareLevel
  year: number
  methodologyCode: string | null
  elements: { code: string; name: LocalizedText }[]
  units: PeerColumn[]
  /** What rank changes are measured against (the pro-forma baseline in the year of the merger). */
  baseline: 'previous' | 'pro-forma' | null
  previousOutOf: number | null
  provisional: boolean
  /** The national figures beside provinces (the mean of the provinces', as published). */
  national: { sipas: number | null; elements: Record<string, number | null> } | null
  /** Imported indices that score at least one of the units this year. */
  externalIndices: IndexCode[]
  responses: ResponseBasis
}

type Basis = { minN: number; responses: ResponseBasis }

const EMPTY: Estimate = { value: null, low: null, high: null }

/** Agencies are ranked among their province's agencies of the same kind. */
function agencyPeerGroup(kind: string | null): PeerGroup | null {
  if (kind === 'department') return 'departments'
  if (kind === 'commune') return 'communes'
  if (kind === 'ministry') return 'ministries'
  return null
}

/** The comparison of `units` (all of `level`, checked by the caller) in `year`. */
export async function loadPeerComparison(
  level: CompareLevel,
  units: readonly CompareUnit[],
  year: number,
  years: readonly number[],
  basis: Basis,
): Promise<PeerComparison> {
  const ids = units.map((unit) => unit.id)
  const period = yearPeriod(year)
  const [rows, national] = await Promise.all([
    unitFigures({ period, level, ids }, basis),
    level === 'province' ? nationalFigures({ period }, basis) : Promise.resolve(null),
  ])
  const series = dominantSeries(rows)
  const figuresOf = new Map(rows.filter((row) => row.methodologyCode === series).map((row) => [row.unitId, row]))
  const catalog = await getVersionCatalog([...figuresOf.values()].map((row) => row.versionId))
  const methodology = [...figuresOf.values()].map((row) => catalog.versions.get(row.versionId)!.definition.methodology)[0] ?? null

  const rankings = await rankingsFor(level, units, year, basis.responses)
  const sipasRanking = rankings.find((ranking) => ranking.index === 'SIPAS') ?? null
  const trends = await Promise.all(units.map((unit) => trendOf(level, unit, years, basis)))

  const columns: PeerColumn[] = units.map((unit, position) => {
    const row = figuresOf.get(unit.id)
    const suppressed = row?.figures.suppressed ?? true
    const intervals = row?.figures.intervals.elements ?? {}
    const interval = row && !suppressed ? row.figures.intervals.sipas : null
    const elements = Object.fromEntries(
      (methodology?.elements ?? []).map((element): [string, Estimate] => {
        const value = row?.figures.elements[element.code] ?? null
        if (suppressed || value === null) return [element.code, EMPTY]
        return [element.code, { value, low: intervals[element.code]?.low ?? null, high: intervals[element.code]?.high ?? null }]
      }),
    )
    const standingIn = (index: IndexCode) => {
      const ranking = rankings.find((candidate) => candidate.index === index)
      const ranked = ranking?.rows.find((candidate) => candidate.unitId === unit.id)
      return ranking && ranked ? { ranking, row: ranked } : null
    }
    const sipasStanding = standingIn('SIPAS')
    return {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      nameEn: unit.nameEn,
      n: row?.figures.n ?? 0,
      suppressed,
      sipas: suppressed ? EMPTY : { value: row?.figures.sipas ?? null, low: interval?.low ?? null, high: interval?.high ?? null },
      standing: sipasStanding
        ? { rank: sipasStanding.row.rank, outOf: sipasStanding.ranking.outOf, change: sipasStanding.row.change, status: sipasStanding.row.status }
        : null,
      elements,
      trend: trends[position]!,
      external: INDICES.filter(isExternalIndex).flatMap((index): ExternalStanding[] => {
        const standing = standingIn(index)
        if (!standing || standing.row.status === 'noData') return []
        const { ranking, row: ranked } = standing
        return [{ index, score: ranked.score, rank: ranked.rank, outOf: ranking.outOf, change: ranked.change, status: ranked.status }]
      }),
    }
  })

  return {
    level,
    year,
    methodologyCode: series,
    elements: (methodology?.elements ?? []).map((element) => ({ code: element.code, name: element.name })),
    units: columns,
    baseline: sipasRanking?.baseline ?? null,
    previousOutOf: sipasRanking?.previousOutOf ?? null,
    provisional: sipasRanking?.status.kind === 'provisional',
    national:
      national && national.methodologyCode === series
        ? { sipas: national.national.sipas, elements: { ...national.national.elements } }
        : null,
    externalIndices: INDICES.filter(isExternalIndex).filter((index) => columns.some((column) => column.external.some((e) => e.index === index))),
    responses: basis.responses,
  }
}

/** The published rankings the units appear in: every index for provinces, SIPAS among peers for agencies. */
async function rankingsFor(level: CompareLevel, units: readonly CompareUnit[], year: number, responses: ResponseBasis) {
  if (level === 'province') {
    return Promise.all(INDICES.map((index) => getRanking({ year, index, peerGroup: 'provinces', provinceId: null, responses })))
  }
  const groups = new Map<string, { peerGroup: PeerGroup; provinceId: string | null }>()
  for (const unit of units) {
    const peerGroup = agencyPeerGroup(unit.kind)
    if (peerGroup) groups.set(`${peerGroup}:${unit.provinceId}`, { peerGroup, provinceId: unit.provinceId })
  }
  return Promise.all([...groups.values()].map((group) => getRanking({ year, index: 'SIPAS', ...group, responses })))
}

/** SIPAS over the years: a province's from its profile (pro-forma before the merger), an agency's as counted. */
async function trendOf(level: CompareLevel, unit: CompareUnit, years: readonly number[], basis: Basis) {
  if (level === 'province') {
    const province = await getProvince(unit.id)
    if (!province) return []
    const { lastYear } = yearsInForce(province)
    const trend = await getSipasTrend(province, years.filter((year) => lastYear === null || year <= lastYear), basis)
    return trend.map((point) => ({ year: point.year, value: point.sipas, proForma: point.proForma }))
  }
  const sorted = [...years].sort((a, b) => a - b)
  return Promise.all(
    sorted.map(async (year) => {
      const rows = await unitFigures({ period: yearPeriod(year), level: 'agency', ids: [unit.id] }, basis)
      const figures = rows[0]?.figures
      return { year, value: figures && !figures.suppressed ? figures.sipas : null, proForma: false }
    }),
  )
}
