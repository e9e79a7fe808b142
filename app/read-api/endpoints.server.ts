import { readFigures } from '~/aggregation/figure-reads.server'
import { type UnitFigureRow, aggregationSettings, unitFigures } from '~/aggregation/figures.server'
import { parsePeriod } from '~/aggregation/period'
import { verifiedShare } from '~/aggregation/response-basis'
import type { ItemFigure } from '~/aggregation/unit-figures'
import { isInnerPeerGroup } from '~/ranking/indices'
import { getRanking } from '~/ranking/rankings.server'
import { decodeCursor, pageOf } from './cursor'
import { type ApiRefusal, invalidParameter, isRefusal, outsideScope, unknownUnit } from './refusal'
import type { Estimate, IndicesPage, IndicesQuery, RankingPage, RankingsQuery, UnitIndices, UnitsPage, UnitsQuery } from './schemas'
import { listApiUnits, provinceFamily, provinceOfUnit, provincesOfRequest, unitKey } from './units.server'

/*
 * What each /api/v1 endpoint answers, from the figures and rankings the pages show
 * (unitFigures, getRanking): never a computation of its own. `scope` is the token's province
 * (null: national). Query parameters arrive parsed by the schemas of schemas.ts. Each answer is
 * one read-only unit: read on the replica when it has caught up (docs/decisions/024-read-replica.md).
 */

type Scope = { provinceId: string | null }

const readOnlyEndpoint =
  <Query, Body>(endpoint: (query: Query, scope: Scope) => Promise<Body | ApiRefusal>) =>
  (query: Query, scope: Scope) =>
    readFigures(() => endpoint(query, scope))

/** GET /api/v1/units */
export const unitsPage = readOnlyEndpoint(async (query: UnitsQuery, scope): Promise<UnitsPage | ApiRefusal> => {
  const after = afterOf(query.cursor)
  if (isRefusal(after)) return after
  const provinces = await provincesOfRequest(scope.provinceId, query.province)
  if (isRefusal(provinces)) return provinces
  const units = await listApiUnits(query.level, provinces)
  const page = pageOf(units, unitKey, after, query.limit)
  return { data: page.items, next: page.next }
})

/** GET /api/v1/indices */
export const indicesPage = readOnlyEndpoint(async (query: IndicesQuery, scope): Promise<IndicesPage | ApiRefusal> => {
  const after = afterOf(query.cursor)
  if (isRefusal(after)) return after
  const period = parsePeriod(query.period)!
  const ids = await unitIdsOfRequest(query, scope)
  if (isRefusal(ids)) return ids
  const official = await aggregationSettings()
  const settings = { ...official, responses: query.responses ?? official.responses }
  const rows = ids?.length === 0 ? [] : await unitFigures({ period, level: query.level, ids, channel: query.channel }, settings)
  const indices = await unitIndices(rows, query.level)
  const page = pageOf(indices, indexKey, after, query.limit)
  return {
    period: { key: period.key, from: period.from, to: period.to },
    minN: settings.minN,
    responses: settings.responses,
    data: page.items,
    next: page.next,
  }
})

/** GET /api/v1/rankings */
export const rankingPage = readOnlyEndpoint(async (query: RankingsQuery, scope): Promise<RankingPage | ApiRefusal> => {
  const after = afterOf(query.cursor)
  if (isRefusal(after)) return after
  const inner = isInnerPeerGroup(query.peerGroup)
  let provinceId: string | null = null
  if (inner) {
    provinceId = query.province ?? scope.provinceId
    if (provinceId === null) return invalidParameter('province')
    if (scope.provinceId && !(await provinceFamily(scope.provinceId)).has(provinceId)) return outsideScope
    if ((await provinceOfUnit('province', provinceId)) === null) return unknownUnit
  }
  const ranking = await getRanking({
    year: query.year,
    index: query.index,
    peerGroup: query.peerGroup,
    provinceId,
    responses: query.responses,
  })
  // A province token sees its own rows of a national ranking (its rank among all), none of a ministry's.
  const visible = !inner && scope.provinceId ? await provinceFamily(scope.provinceId) : null
  const rows = ranking.rows
    .map((row, position) => ({ position, row }))
    .filter(({ row }) => visible === null || visible.has(row.unitId))
  const page = pageOf(rows, ({ position }) => String(position).padStart(8, '0'), after, query.limit)
  return {
    year: ranking.year,
    index: ranking.index,
    peerGroup: ranking.peerGroup,
    provinceId: ranking.provinceId,
    status: ranking.status.kind,
    baseline: ranking.baseline,
    outOf: ranking.outOf,
    previousOutOf: ranking.previousOutOf,
    reorganisation: ranking.reorganisation,
    minN: ranking.minN,
    responses: ranking.responses,
    groups: ranking.thresholds,
    data: page.items.map(({ row }) => ({
      unitId: row.unitId,
      code: row.code,
      name: { vi: row.name, en: row.nameEn },
      score: row.score,
      n: row.n,
      verified: row.verified,
      low: row.low,
      high: row.high,
      margin: row.margin,
      rank: row.rank,
      change: row.change,
      group: row.group,
      tiedWithAbove: row.tiedWithAbove,
      status: row.status,
    })),
    next: page.next,
  }
})

function afterOf(cursor: string | undefined): string | null | ApiRefusal {
  if (cursor === undefined) return null
  return decodeCursor(cursor) ?? invalidParameter('cursor')
}

/** The units whose figures a request reads: undefined for every unit of the level. */
async function unitIdsOfRequest(query: IndicesQuery, scope: Scope): Promise<string[] | undefined | ApiRefusal> {
  if (query.unit !== undefined) {
    const unit = await provinceOfUnit(query.level, query.unit)
    if (!unit) return unknownUnit
    if (scope.provinceId && (unit.provinceId === null || !(await provinceFamily(scope.provinceId)).has(unit.provinceId))) {
      return outsideScope
    }
    if (query.province !== undefined && unit.provinceId !== null && !(await provinceFamily(query.province)).has(unit.provinceId)) {
      return []
    }
    return [query.unit]
  }
  const provinces = await provincesOfRequest(scope.provinceId, query.province)
  if (isRefusal(provinces)) return provinces
  if (provinces === null) return undefined
  return (await listApiUnits(query.level, provinces)).map((unit) => unit.id)
}

const indexKey = (row: UnitIndices) => `${row.unitId}:${row.methodologyCode}`

/** The figures as the API publishes them: a suppressed figure has no value. */
async function unitIndices(rows: readonly UnitFigureRow[], level: UnitIndices['level']): Promise<UnitIndices[]> {
  const indices = rows.map((row): UnitIndices => {
    const { figures } = row
    const hidden = figures.suppressed
    const interval = hidden ? null : figures.intervals.sipas
    const shown = (value: number | null) => (hidden ? null : value)
    return {
      unitId: row.unitId,
      level,
      methodologyCode: row.methodologyCode,
      versionId: row.versionId,
      n: figures.n,
      excluded: row.excluded,
      verified: row.verified,
      verifiedShare: verifiedShare(row.verified, figures.n),
      suppressed: hidden,
      sipas: {
        value: shown(figures.sipas),
        low: interval?.low ?? null,
        high: interval?.high ?? null,
        margin: interval?.margin ?? null,
        n: figures.n,
        suppressed: hidden,
      },
      aspects: Object.fromEntries(Object.entries(figures.aspects).map(([code, value]) => [code, shown(value)])),
      elements: Object.fromEntries(Object.entries(figures.elements).map(([code, value]) => [code, shown(value)])),
      items: Object.fromEntries(Object.entries(figures.items).map(([code, item]) => [code, itemEstimate(item, hidden)])),
    }
  })
  return indices.sort((a, b) => (indexKey(a) < indexKey(b) ? -1 : 1))
}

function itemEstimate(item: ItemFigure, unitSuppressed: boolean): Estimate {
  const suppressed = unitSuppressed || item.suppressed
  return {
    value: suppressed ? null : item.rate,
    low: suppressed ? null : item.low,
    high: suppressed ? null : item.high,
    // A Wilson interval is not symmetric about the rate: its margin is half its width.
    margin: suppressed || item.low === null || item.high === null ? null : (item.high - item.low) / 2,
    n: item.n,
    suppressed,
  }
}
