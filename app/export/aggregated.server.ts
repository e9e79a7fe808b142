import {
  type AggregationSettings,
  aggregationSettings,
  nationalFigures,
  type UnitFigureRow,
  unitFigures,
} from '~/aggregation/figures.server'
import { type Period, parsePeriod } from '~/aggregation/period'
import type { ResponseBasis } from '~/aggregation/response-basis'
import { dominantSeries } from '~/aggregation/series'
import { getVersionCatalog } from '~/aggregation/versions.server'
import { reader } from '~/db/replica.server'
import type { AgencyKind } from '~/generated/prisma/enums'
import type { LocalizedText } from '~/questionnaire/definition'
import { type IndexCode, type PeerGroup, isExternalIndex } from '~/ranking/indices'
import { getRanking } from '~/ranking/rankings.server'
import { type ExportUnit, type FigureSet, type UnitRank, aggregatedTables, externalIndexRow } from './aggregated-table'
import { FILTER_LABELS } from './data-dictionary'
import type { AggregatedFilters } from './filters'
import type { ExportMeta, Row, Table } from './table'

/*
 * The aggregated export: the figures of unitFigures/nationalFigures and the ranks of the
 * published ranking tables (getRanking: frozen if frozen), laid out by aggregated-table.ts.
 * Nothing here computes a figure. ADR 020.
 */

/** Whose units an export may list: null = national; a province user is limited to their province. */
export type ExportScope = { provinceId: string | null }

/** The national figures' row names the country. */
const NATION: ExportUnit = { level: 'national', code: 'VN', name: 'Việt Nam', nameEn: 'Viet Nam' }

/** Agencies are ranked with their kind's peer group; service centres are not ranked. */
const AGENCY_PEER_GROUP: Record<AgencyKind, PeerGroup | null> = {
  department: 'departments',
  commune: 'communes',
  ministry: 'ministries',
  service_centre: null,
}

type UnitInfo = ExportUnit & { id: string; provinceId: string | null; peerGroup: PeerGroup | null }

/**
 * The export for `filters`, limited to the scope's province (a province user's filters can't
 * name another: the scope wins). Units with no answers in the period have no rows.
 */
export async function aggregatedExport(
  filters: AggregatedFilters,
  scope: ExportScope,
  now = new Date(),
): Promise<{ meta: ExportMeta & { responses: ResponseBasis }; tables: Table[] }> {
  const period = parsePeriod(filters.period)
  if (!period) throw new Error(`Export filters name no period: ${filters.period}`)
  const provinceId = scope.provinceId ?? filters.provinceId ?? null
  const official = await aggregationSettings()
  // The basis is fixed here, so every figure and rank in the file counts the same responses.
  const settings = { ...official, responses: filters.responses ?? official.responses }
  const { sets, external } =
    filters.level === 'national'
      ? await nationalSets(filters, period, settings)
      : await unitSets(filters, period, provinceId, settings)
  const methodologyCodes = [...new Set(sets.map((set) => set.methodologyCode))].sort()
  const meta = {
    methodologyCodes,
    period: { key: period.key, from: period.from, to: period.to, label: period.label },
    filters: await filterList({ ...filters, responses: settings.responses }, provinceId),
    minN: settings.minN,
    responses: settings.responses,
    suppressionRule: {
      vi: `Số liệu dựa trên ít hơn ${settings.minN} câu trả lời hợp lệ (hoặc đơn vị có ít hơn ${settings.minN} người trả lời) bị ẩn: tệp không ghi tỷ lệ và khoảng tin cậy của chúng, chỉ đánh dấu suppressed = true.`,
      en: `Figures resting on fewer than ${settings.minN} valid answers (or a unit with fewer than ${settings.minN} respondents) are suppressed: the file writes no percentage or interval for them, only suppressed = true.`,
    },
    producedAt: now.toISOString(),
  }
  return { meta, tables: aggregatedTables(sets, external) }
}

/** The number of rows the export will have, for progress: built and counted. */
export async function countAggregatedRows(filters: AggregatedFilters, scope: ExportScope): Promise<number> {
  const { tables } = await aggregatedExport(filters, scope)
  return tables.reduce((sum, table) => sum + (table.rows as readonly Row[]).length, 0)
}

async function nationalSets(
  filters: AggregatedFilters,
  period: Period,
  settings: AggregationSettings,
): Promise<{ sets: FigureSet[]; external: Row[] }> {
  const result = await nationalFigures({ period, channel: filters.channel }, settings)
  if (!result.methodologyCode || !result.versionId) return { sets: [], external: [] }
  if (filters.methodologyCode && filters.methodologyCode !== result.methodologyCode) return { sets: [], external: [] }
  const catalog = await getVersionCatalog([result.versionId])
  const { national, provinces } = result
  const itemN = (code: string) => provinces.reduce((sum, row) => sum + (row.figures.items[code]?.n ?? 0), 0)
  const set: FigureSet = {
    unit: NATION,
    methodologyCode: result.methodologyCode,
    definition: catalog.versions.get(result.versionId)!.definition,
    n: provinces.reduce((sum, row) => sum + row.figures.n, 0),
    excluded: result.excluded,
    verified: result.verified,
    figures: {
      kind: 'national',
      sipas: national.sipas,
      aspects: national.aspects,
      elements: national.elements,
      items: Object.fromEntries(Object.entries(national.items).map(([code, rate]) => [code, { rate, n: itemN(code) }])),
    },
  }
  return { sets: [set], external: [] }
}

async function unitSets(
  filters: AggregatedFilters,
  period: Period,
  provinceId: string | null,
  settings: AggregationSettings,
): Promise<{ sets: FigureSet[]; external: Row[] }> {
  const level = filters.level as Exclude<AggregatedFilters['level'], 'national'>
  const rows = await unitFigures(
    {
      period,
      level,
      channel: filters.channel,
      ...(level === 'province' ? { ids: provinceId ? [provinceId] : undefined } : { provinceId: provinceId ?? undefined }),
    },
    settings,
  )
  const units = await unitInfo(level, [...new Set(rows.map((row) => row.unitId))])
  const wanted = (unit: UnitInfo | undefined): unit is UnitInfo =>
    unit !== undefined &&
    // NOTE: agency figures filtered by province count only that province's answers; an agency of
    // another province (or a ministry) answered there is still not this province's unit.
    (provinceId === null || level === 'province' || unit.provinceId === provinceId) &&
    (level !== 'agency' || !filters.peerGroup || unit.peerGroup === filters.peerGroup)
  const kept = rows
    .filter((row) => wanted(units.get(row.unitId)))
    .filter((row) => !filters.methodologyCode || row.methodologyCode === filters.methodologyCode)
  const ranks = await rankTables({ ...filters, responses: settings.responses }, period, [...units.values()].filter(wanted))
  const catalog = await getVersionCatalog(kept.map((row) => row.versionId))

  const rankedRow = rankedSeries(rows, ranks)
  const sets = kept
    .map((row): FigureSet => {
      const unit = units.get(row.unitId)!
      const rank = ranks.get(row.unitId)
      return {
        unit,
        methodologyCode: row.methodologyCode,
        definition: catalog.versions.get(row.versionId)!.definition,
        n: row.figures.n,
        excluded: row.excluded,
        verified: row.verified,
        figures: { kind: 'unit', value: row.figures },
        rank: filters.index === 'SIPAS' && rank && rankedRow.get(row.unitId) === row ? rank : undefined,
      }
    })
    .sort((a, b) => compare(a.unit.code, b.unit.code) || compare(a.methodologyCode, b.methodologyCode))
  const external = isExternalIndex(filters.index)
    ? [...units.values()]
        .filter(wanted)
        .sort((a, b) => compare(a.code, b.code))
        .flatMap((unit) => {
          const rank = ranks.get(unit.id)
          return rank ? [externalIndexRow(unit, filters.index, rank)] : []
        })
    : []
  return { sets, external }
}

/**
 * The ranks of the units, from the ranking table of each one's peer group. Rankings are yearly
 * and over every channel, so a period other than a calendar year, or a channel, gets none.
 */
async function rankTables(filters: AggregatedFilters, period: Period, units: readonly UnitInfo[]): Promise<Map<string, UnitRank>> {
  const ranks = new Map<string, UnitRank>()
  if (period.kind !== 'year' || filters.channel) return ranks
  const year = Number(period.key)
  const tables = new Map<string, { peerGroup: PeerGroup; provinceId: string | null }>()
  for (const unit of units) {
    if (!unit.peerGroup) continue
    const inner = unit.peerGroup === 'departments' || unit.peerGroup === 'communes' || unit.peerGroup === 'servicePoints'
    const provinceId = inner ? unit.provinceId : null
    if (inner && !provinceId) continue
    tables.set(`${unit.peerGroup}:${provinceId}`, { peerGroup: unit.peerGroup, provinceId })
  }
  const wanted = new Set(units.map((unit) => unit.id))
  for (const [key, { peerGroup, provinceId }] of tables) {
    const table = await getRanking({ year, index: filters.index as IndexCode, peerGroup, provinceId, responses: filters.responses })
    for (const row of table.rows) if (wanted.has(row.unitId)) ranks.set(row.unitId, { row, baseline: table.baseline, table: key })
  }
  return ranks
}

/**
 * Which of a unit's figure rows its rank belongs to: a ranking compares its units in one series,
 * the one most of their respondents answered (as rankings.server.ts does), per ranking table.
 */
function rankedSeries(rows: readonly UnitFigureRow[], ranks: ReadonlyMap<string, UnitRank>): Map<string, UnitFigureRow> {
  const tables = new Map<string, UnitFigureRow[]>()
  for (const row of rows) {
    const table = ranks.get(row.unitId)?.table
    if (table !== undefined) tables.set(table, [...(tables.get(table) ?? []), row])
  }
  const ranked = new Map<string, UnitFigureRow>()
  for (const tableRows of tables.values()) {
    const series = dominantSeries(tableRows)
    for (const row of tableRows) if (row.methodologyCode === series) ranked.set(row.unitId, row)
  }
  return ranked
}

async function unitInfo(level: 'province' | 'agency' | 'servicePoint', ids: readonly string[]): Promise<Map<string, UnitInfo>> {
  if (ids.length === 0) return new Map()
  const where = { id: { in: [...ids] } }
  const infos: UnitInfo[] =
    level === 'province'
      ? (await reader().adminUnit.findMany({ where, select: { id: true, code: true, name: true } })).map((unit) => ({
          ...unit,
          level,
          nameEn: unit.name,
          provinceId: unit.id,
          peerGroup: 'provinces',
        }))
      : level === 'agency'
        ? (
            await reader().agency.findMany({
              where,
              select: { id: true, code: true, name: true, nameEn: true, kind: true, provinceId: true },
            })
          ).map(({ kind, ...unit }) => ({ ...unit, level, peerGroup: AGENCY_PEER_GROUP[kind] }))
        : (
            await reader().servicePoint.findMany({
              where,
              select: { id: true, code: true, name: true, nameEn: true, provinceId: true },
            })
          ).map((unit) => ({ ...unit, level, peerGroup: 'servicePoints' as const }))
  return new Map(infos.map((info) => [info.id, info]))
}


/** The filters as chosen, for the file's record; the province by its code and name. */
async function filterList(filters: AggregatedFilters, provinceId: string | null): Promise<ExportMeta['filters']> {
  const province = provinceId
    ? await reader().adminUnit.findUnique({ where: { id: provinceId }, select: { code: true, name: true } })
    : null
  const entries: [LocalizedText, string | undefined][] = [
    [FILTER_LABELS.level, filters.level],
    [FILTER_LABELS.peerGroup, filters.peerGroup],
    [FILTER_LABELS.index, filters.index],
    [FILTER_LABELS.methodologyCode, filters.methodologyCode],
    [FILTER_LABELS.channel, filters.channel],
    [FILTER_LABELS.province, provinceId ? (province ? `${province.code} ${province.name}` : provinceId) : undefined],
    [FILTER_LABELS.responses, filters.responses],
  ]
  return entries.flatMap(([label, value]) => (value ? [{ label, value }] : []))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
