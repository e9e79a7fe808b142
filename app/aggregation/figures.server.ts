import { z } from 'zod'
import { prisma } from '~/db.server'
import { reader } from '~/db/replica.server'
import type { Channel } from '~/generated/prisma/enums'
import { isoDate } from '~/i18n/format'
import { exclusionMask } from '~/quality/settings.server'
import { attributeUnit, type LineageEdge, storedIdsFor, successorsAsOf } from './attribution'
import { type CountFilter, type Counts, readCounts } from './counts.server'
import { cachedFigures } from './figure-cache.server'
import { type NationalFigures, nationalFigures as nationalMean } from './national'
import { officialResponseBasis } from './official-basis.server'
import { type DateRange, monthsIn, wholeMonths } from './period'
import type { UnitLevel } from './reference'
import type { ResponseBasis } from './response-basis'
import { type SeriesFigures, dominantSeries, figuresBySeries } from './series'
import { getVersionCatalog } from './versions.server'

/*
 * The figures pages and rankings show, read from the rollups and computed by the pure
 * modules. How periods, versions and provinces across the 2025 merger are handled: ADR 005.
 */

export type { UnitLevel } from './reference'

export type AggregationSettings = {
  /** Figures resting on fewer valid answers (or a unit with fewer respondents) are suppressed. */
  minN: number
  /** A response with any of these quality-flag bits set is left out and counted as excluded. */
  excludeFlagsMask: number
  /** Weight answers by `Response.weight` (post-stratification). */
  useWeights: boolean
  /**
   * Which responses count: all, or only verified ones (response-basis.ts). Defaults to the basis
   * the official figures use (official-basis.server.ts); a page's filter passes it explicitly.
   */
  responses: ResponseBasis
}

/** Setting keys of the aggregation's own settings; the exclusion rule is the quality settings'. */
export const AGGREGATION_SETTING_KEYS = {
  minN: 'aggregation.minN',
  useWeights: 'aggregation.useWeights',
} as const satisfies Partial<Record<keyof AggregationSettings, string>>

/**
 * Figures of fewer respondents are suppressed
 * (docs/methodology.md, "Minimum n and suppression").
 */
export const DEFAULT_MIN_N = 30

export const DEFAULT_AGGREGATION_SETTINGS: Omit<AggregationSettings, 'excludeFlagsMask' | 'responses'> = {
  minN: DEFAULT_MIN_N,
  useWeights: false,
}

const SettingSchemas = {
  minN: z.number().int().min(0),
  useWeights: z.boolean(),
}

/**
 * The configured settings: minimum n and weights from `Setting` rows (defaults when absent), the
 * exclusion mask from the quality-flag settings (app/quality/settings.server.ts), so there is
 * one exclusion rule, and the official response basis. A malformed value throws.
 */
export async function aggregationSettings(): Promise<AggregationSettings> {
  const [rows, excludeFlagsMask, responses] = await Promise.all([
    prisma.setting.findMany({
      where: { key: { in: Object.values(AGGREGATION_SETTING_KEYS) } },
      select: { key: true, value: true },
    }),
    exclusionMask(),
    officialResponseBasis(),
  ])
  const stored = new Map(rows.map((row) => [row.key, row.value]))
  const read = <K extends keyof typeof AGGREGATION_SETTING_KEYS>(name: K): (typeof DEFAULT_AGGREGATION_SETTINGS)[K] => {
    const value = stored.get(AGGREGATION_SETTING_KEYS[name])
    return value === undefined
      ? DEFAULT_AGGREGATION_SETTINGS[name]
      : (SettingSchemas[name].parse(value) as (typeof DEFAULT_AGGREGATION_SETTINGS)[K])
  }
  return { minN: read('minN'), excludeFlagsMask, useWeights: read('useWeights'), responses }
}

export type UnitFiguresQuery = {
  period: DateRange
  level: UnitLevel
  /** Only these units (of `level`). */
  ids?: readonly string[]
  /**
   * Only the units under this parent: an agency for service points, a province for agencies.
   * Provinces have no parent (use `ids`).
   */
  parentId?: string
  /** Only units in this province (service points and agencies), attributed as of `asOf`. */
  provinceId?: string
  channel?: Channel
  /**
   * The date whose provinces answers count for: a response submitted under a province merged
   * on or before `asOf` counts for its successor (lineage). Defaults to the period's last day,
   * so 2024 shows the 63 provinces and 2025 the 34; pass a later date (e.g. '2025-07-01') for
   * the pro-forma baseline of the 34 from their predecessors' 2024 answers.
   */
  asOf?: string
}

/** One unit's figures in one methodology series (a unit normally has exactly one). */
export type UnitFigureRow = SeriesFigures

/**
 * Figures of every unit of a level with answers in the period, one row per unit and series,
 * the dominant series first. Units whose responses were all excluded appear with n = 0.
 */
export async function unitFigures(
  query: UnitFiguresQuery,
  settings?: Partial<AggregationSettings>,
): Promise<UnitFigureRow[]> {
  if (query.level === 'province' && query.parentId) throw new Error('Provinces have no parent unit; pass ids')
  const resolved = await resolveSettings(settings)
  const asOf = query.asOf ?? query.period.to
  const key = ['unitFigures', query.level, query.period.from, query.period.to, query.ids ?? null, query.parentId ?? null,
    query.provinceId ?? null, query.channel ?? null, asOf, resolved]
  return cachedFigures(key, query.period, async () => {
    const successors = successorsAsOf(await lineageEdges(), asOf)
    const provinces = (ids: readonly string[]) => storedIdsFor(successors, ids)
    const filter: CountFilter = {
      range: query.period,
      excludeFlagsMask: resolved.excludeFlagsMask,
      responses: resolved.responses,
      channel: query.channel,
      servicePointIds: query.level === 'servicePoint' ? query.ids : undefined,
      agencyIds:
        query.level === 'agency' ? query.ids : query.level === 'servicePoint' && query.parentId ? [query.parentId] : undefined,
      provinceIds: provinceFilter(query, provinces),
    }
    let counts = await readCounts(query.level, filter)
    if (query.level === 'province') counts = attribute(counts, successors)
    const rows = await computeFigures(counts, resolved)
    const wanted = query.ids ? new Set(query.ids) : null
    return wanted ? rows.filter((row) => wanted.has(row.unitId)) : rows
  })
}

export type NationalResult = {
  national: NationalFigures
  /** The provinces' figures in the national series (the mean's inputs), one row per province. */
  provinces: UnitFigureRow[]
  /** Flagged responses left out, over the provinces in `provinces`. */
  excluded: number
  /** Verified responses among the provinces' n. */
  verified: number
  /** The series the national figure is computed in (the one most respondents answered). */
  methodologyCode: string | null
  versionId: string | null
}

/** National figures: each province first, then their unweighted mean (docs/methodology.md). */
export async function nationalFigures(
  query: { period: DateRange; channel?: Channel; asOf?: string },
  settings?: Partial<AggregationSettings>,
): Promise<NationalResult> {
  return nationalFromProvinces(await unitFigures({ ...query, level: 'province' }, settings))
}

/** The national figure from every province's rows: the dominant series, then the plain mean. */
export function nationalFromProvinces(rows: readonly UnitFigureRow[]): NationalResult {
  const series = dominantSeries(rows)
  const provinces = rows.filter((row) => row.methodologyCode === series)
  return {
    national: nationalMean(provinces.map((row) => row.figures)),
    provinces,
    excluded: provinces.reduce((sum, row) => sum + row.excluded, 0),
    verified: provinces.reduce((sum, row) => sum + row.verified, 0),
    methodologyCode: series,
    versionId: provinces[0]?.versionId ?? null,
  }
}

/** An `asOf` after every recorded reorganisation. */
const ALL_REORGANISATIONS = '9999-12-31'

export type TrendPoint = {
  /** 'YYYY-MM' */
  month: string
  /** null for a month without responses. */
  versionId: string | null
  methodologyCode: string | null
  sipas: number | null
  n: number
  suppressed: boolean
  excluded: number
  verified: number
}

/**
 * The unit's SIPAS and n per month over the months `from` and `to` fall in (whole months), one
 * point per month in order; a month answered in two series gets one point per series (dominant
 * first), a month without responses a point with n = 0. A province's trend counts its
 * predecessors' answers (lineage as of `asOf`; by default every reorganisation recorded), so a
 * current province's trend runs through the merger; an old province's trend is its own.
 */
export async function monthlyTrend(
  query: { level: UnitLevel; unitId: string; from: string; to: string; channel?: Channel; asOf?: string },
  settings?: Partial<AggregationSettings>,
): Promise<TrendPoint[]> {
  const resolved = await resolveSettings(settings)
  const range = wholeMonths({ from: query.from, to: query.to })
  const months = monthsIn(range)
  const asOf = query.asOf ?? ALL_REORGANISATIONS
  const key = ['monthlyTrend', query.level, query.unitId, range.from, range.to, query.channel ?? null, asOf, resolved]
  return cachedFigures(key, range, async () => {
    const successors = successorsAsOf(await lineageEdges(), asOf)
    const filter: CountFilter = {
      range,
      excludeFlagsMask: resolved.excludeFlagsMask,
      responses: resolved.responses,
      channel: query.channel,
      servicePointIds: query.level === 'servicePoint' ? [query.unitId] : undefined,
      agencyIds: query.level === 'agency' ? [query.unitId] : undefined,
      provinceIds: query.level === 'province' ? storedIdsFor(successors, [query.unitId]) : undefined,
    }
    const rows = await computeFigures(await readCounts('month', filter), resolved)
    return months.flatMap((first): TrendPoint[] => {
      const month = first.slice(0, 7)
      const points = rows.filter((row) => row.unitId === month)
      if (points.length === 0) {
        return [{ month, versionId: null, methodologyCode: null, sipas: null, n: 0, suppressed: true, excluded: 0, verified: 0 }]
      }
      return points.map((row) => ({
        month,
        versionId: row.versionId,
        methodologyCode: row.methodologyCode,
        sipas: row.figures.sipas,
        n: row.figures.n,
        suppressed: row.figures.suppressed,
        excluded: row.excluded,
        verified: row.verified,
      }))
    })
  })
}

/** Unit lineage, for attributing responses to provinces as of a date. */
export async function lineageEdges(): Promise<LineageEdge[]> {
  const rows = await reader().unitLineage.findMany({ select: { predecessorId: true, successorId: true, effectiveOn: true } })
  return rows.map((row) => ({ ...row, effectiveOn: isoDate(row.effectiveOn) }))
}

/** Counts → figures per unit and series (shared with the full recompute). */
export async function computeFigures(counts: Counts, settings: AggregationSettings): Promise<UnitFigureRow[]> {
  const catalog = await getVersionCatalog(counts.respondents.map((row) => row.versionId))
  return figuresBySeries(counts.answers, counts.respondents, counts.pairs, catalog.versions, catalog.items, settings)
}

/** Re-keys province counts to the province each one counts for on the chosen date. */
export function attribute(counts: Counts, successors: ReadonlyMap<string, string>): Counts {
  if (successors.size === 0) return counts
  return {
    answers: counts.answers.map((row) => ({ ...row, unitId: attributeUnit(successors, row.unitId) })),
    respondents: counts.respondents.map((row) => ({ ...row, unitId: attributeUnit(successors, row.unitId) })),
    pairs: counts.pairs.map((row) => ({ ...row, unitId: attributeUnit(successors, row.unitId) })),
  }
}

/** Settings given in full are used as they are; missing ones come from aggregationSettings(). */
export async function resolveSettings(settings?: Partial<AggregationSettings>): Promise<AggregationSettings> {
  const given = definedOnly(settings ?? {})
  const merged = { ...(isComplete(given) ? given : await aggregationSettings()), ...given }
  // Only the four settings: they are part of cache keys.
  return { minN: merged.minN, excludeFlagsMask: merged.excludeFlagsMask, useWeights: merged.useWeights, responses: merged.responses }
}

function isComplete(settings: Partial<AggregationSettings>): settings is AggregationSettings {
  return (
    settings.minN !== undefined &&
    settings.excludeFlagsMask !== undefined &&
    settings.useWeights !== undefined &&
    settings.responses !== undefined
  )
}

function provinceFilter(query: UnitFiguresQuery, provinces: (ids: readonly string[]) => string[]): string[] | undefined {
  if (query.level === 'province') return query.ids ? provinces(query.ids) : undefined
  const ids = [query.provinceId, query.level === 'agency' ? query.parentId : undefined].filter(
    (id): id is string => id !== undefined,
  )
  if (ids.length === 0) return undefined
  // Both given: only units in both, i.e. none unless they name the same province.
  return ids.length === 2 && ids[0] !== ids[1] ? [] : provinces([ids[0]!])
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>
}
