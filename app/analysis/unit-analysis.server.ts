import { lineageEdges, nationalFigures, resolveSettings, unitFigures } from '~/aggregation/figures.server'
import { readFigures } from '~/aggregation/figure-reads.server'
import { storedIdsFor, successorsAsOf } from '~/aggregation/attribution'
import { type Period, previousPeriod } from '~/aggregation/period'
import type { ResponseBasis } from '~/aggregation/response-basis'
import type { UnitFigures } from '~/aggregation/unit-figures'
import { getVersionCatalog } from '~/aggregation/versions.server'
import { Z_95 } from '~/aggregation/wilson'
import { reader } from '~/db/replica.server'
import { Prisma } from '~/generated/prisma/client'
import type { Language } from '~/i18n/config'
import { allItems } from '~/questionnaire/definition'
import { RESPONSE_MARKS } from '~/quality/flags'
import { BOOTSTRAP_RESAMPLES, type ElementDrivers, REGRESSION_MIN_N, type RespondentAnswers, keyDrivers } from './drivers'
import type { AnalysisLevel } from './analysis-query'
import { type Comparator, type GapRow, gapRows } from './gap'
import { indexWeights } from './points-gained'
import { type PerformancePoint, importancePerformance } from './importance-performance'

/*
 * Everything the analysis of one unit shows (the page /analysis/<level>/<unitId>, the report):
 * the gap table, the key drivers, the importance × performance chart's points, and what they rest
 * on. Figures are the aggregation module's (unitFigures, nationalFigures), computed one way; only
 * the drivers read respondents' answers, in one query on Response (docs/decisions/030-analysis.md).
 */

export { ANALYSIS_LEVELS, type AnalysisLevel } from './analysis-query'

export type AnalysisUnit = {
  level: AnalysisLevel
  id: string
  name: string
  /** The province the unit is in (a province: itself). */
  provinceId: string | null
  /** The agency of an agency or service point; null for a province. */
  agencyId: string | null
}

export type UnitAnalysisQuery = {
  level: AnalysisLevel
  unitId: string
  period: Period
  language?: Language
  /** Which responses count; default: the official basis (aggregationSettings). */
  responses?: ResponseBasis
  /** What a gap is measured against; default the national figure. */
  comparator?: Comparator
}

export type UnitAnalysis = {
  unit: AnalysisUnit
  period: { key: string; label: string }
  previousPeriod: { key: string; label: string }
  comparator: Comparator
  responses: ResponseBasis
  /** The unit's respondents in the period (after exclusions) and whether its figures are suppressed. */
  n: number
  suppressed: boolean
  minN: number
  methodologyCode: string | null
  versionId: string | null
  sipas: number | null
  nationalSipas: number | null
  /** Provinces in the national mean. */
  nationalProvinces: number
  /** Names of the provinces named as best in some row. */
  provinceNames: Record<string, string>
  /** Item and element names in the chosen language. */
  labels: Record<string, string>
  gaps: GapRow[]
  drivers: ElementDrivers[]
  chart: { points: PerformancePoint[]; importanceCut: number | null; performanceCut: number | null }
  methodology: {
    /** Some element is indexed by its general item: its criteria items are worth 0 points (2023). */
    criteriaOutsideIndex: boolean
    regressionMinN: number
    bootstrapResamples: number
    /** Respondents whose answers the drivers used. */
    driverRespondents: number
  }
}

/** The unit named by level and id, or null when there is none. */
export async function getAnalysisUnit(level: AnalysisLevel, unitId: string): Promise<AnalysisUnit | null> {
  const db = reader()
  if (level === 'province') {
    // Every administrative unit is province-level (a province or a centrally run city).
    const row = await db.adminUnit.findUnique({ where: { id: unitId }, select: { id: true, name: true } })
    return row ? { level, id: row.id, name: row.name, provinceId: row.id, agencyId: null } : null
  }
  if (level === 'agency') {
    const row = await db.agency.findUnique({ where: { id: unitId }, select: { id: true, name: true, provinceId: true } })
    return row ? { level, id: row.id, name: row.name, provinceId: row.provinceId, agencyId: row.id } : null
  }
  const row = await db.servicePoint.findUnique({
    where: { id: unitId },
    select: { id: true, name: true, agencyId: true, provinceId: true },
  })
  return row ? { level, id: row.id, name: row.name, provinceId: row.provinceId, agencyId: row.agencyId } : null
}

/** The analysis of a unit in a period; null when the unit does not exist. */
export async function loadUnitAnalysis(query: UnitAnalysisQuery): Promise<UnitAnalysis | null> {
  const unit = await getAnalysisUnit(query.level, query.unitId)
  if (!unit) return null
  const language = query.language ?? 'vi'
  const settings = await resolveSettings(query.responses ? { responses: query.responses } : undefined)
  const comparator = query.comparator ?? 'national'
  const before = previousPeriod(query.period)
  // A province's last period counts its predecessors' answers as the province is now (pro-forma
  // across a merger), so the comparison is like for like.
  const asOf = query.level === 'province' ? query.period.to : undefined
  const [rows, previousRows, national] = await Promise.all([
    unitFigures({ period: query.period, level: query.level, ids: [query.unitId] }, settings),
    unitFigures({ period: before, level: query.level, ids: [query.unitId], asOf }, settings),
    nationalFigures({ period: query.period }, settings),
  ])
  const row = rows[0]
  const base = {
    unit,
    period: { key: query.period.key, label: query.period.label[language] },
    previousPeriod: { key: before.key, label: before.label[language] },
    comparator,
    responses: settings.responses,
    minN: settings.minN,
    nationalSipas: national.national.sipas,
    nationalProvinces: national.national.provinces,
  }
  if (!row) {
    return {
      ...base,
      n: 0,
      suppressed: true,
      methodologyCode: null,
      versionId: null,
      sipas: null,
      provinceNames: {},
      labels: {},
      gaps: [],
      drivers: [],
      chart: { points: [], importanceCut: null, performanceCut: null },
      methodology: { criteriaOutsideIndex: false, regressionMinN: REGRESSION_MIN_N, bootstrapResamples: BOOTSTRAP_RESAMPLES, driverRespondents: 0 },
    }
  }
  const catalog = await getVersionCatalog([row.versionId])
  const definition = catalog.versions.get(row.versionId)!.definition
  const methodology = definition.methodology
  const sameSeries = national.methodologyCode === row.methodologyCode
  const provinces = sameSeries
    ? national.provinces.map((province) => ({ unitId: province.unitId, figures: province.figures, elementVariances: elementVariances(province.figures) }))
    : []
  const previous = previousRows.find((candidate) => candidate.methodologyCode === row.methodologyCode)?.figures ?? null
  const gaps = gapRows({
    methodology,
    unit: { figures: row.figures, elementVariances: elementVariances(row.figures) },
    provinces,
    previous,
    comparator,
  })

  const itemRates = Object.fromEntries(Object.entries(row.figures.items).map(([code, rate]) => [code, rate.rate]))
  const respondents = row.figures.suppressed ? [] : await respondentAnswers(unit, query.period, settings, row.methodologyCode)
  const drivers = keyDrivers(methodology, respondents, {
    elementWeights: indexWeights(methodology, itemRates).elements,
    minN: settings.minN,
  })
  const labels: Record<string, string> = {}
  for (const item of allItems(definition)) labels[item.code] = item.text[language]
  for (const element of methodology.elements) labels[element.code] = element.name[language]
  const bestIds = [...new Set(gaps.flatMap((gap) => (gap.best ? [gap.best.unitId] : [])))]
  const names = await reader().adminUnit.findMany({ where: { id: { in: bestIds } }, select: { id: true, name: true } })

  return {
    ...base,
    n: row.figures.n,
    suppressed: row.figures.suppressed,
    methodologyCode: row.methodologyCode,
    versionId: row.versionId,
    sipas: row.figures.sipas,
    provinceNames: Object.fromEntries(names.map((name) => [name.id, name.name])),
    labels,
    gaps,
    drivers,
    chart: importancePerformance(drivers, row.figures.items),
    methodology: {
      criteriaOutsideIndex: methodology.elements.some((element) => element.index === 'general'),
      regressionMinN: REGRESSION_MIN_N,
      bootstrapResamples: BOOTSTRAP_RESAMPLES,
      driverRespondents: respondents.length,
    },
  }
}

/**
 * Each element index's variance (points²) from the interval the figures publish (linearised,
 * app/aggregation/index-variance.ts): its margin is z·se before clipping, so se² = (margin / z)².
 */
function elementVariances(figures: UnitFigures): Record<string, number | null> {
  return Object.fromEntries(
    Object.entries(figures.intervals.elements).map(([code, interval]) => [code, interval ? (interval.margin / Z_95) ** 2 : null]),
  )
}

/**
 * The kept respondents' substantive answers (codes 1–5) of the unit in the period, in one series:
 * one query on Response by the unit's index, answers unnested and gathered back per response.
 * The same responses the figures count: the exclusion mask, the response basis and, for a
 * province, the answers of the provinces it now stands for.
 */
async function respondentAnswers(
  unit: AnalysisUnit,
  period: Period,
  settings: { excludeFlagsMask: number; responses: ResponseBasis },
  methodologyCode: string,
): Promise<RespondentAnswers[]> {
  const unitCondition = await unitSql(unit, period)
  const verified = settings.responses === 'verified' ? Prisma.sql`AND (r.flags & ${RESPONSE_MARKS.VERIFIED}::int) <> 0` : Prisma.empty
  const rows = await readFigures(() =>
    reader().$queryRaw<{ versionId: string; itemIds: number[]; values: number[] }[]>`
      SELECT r."versionId", array_agg(a."itemId") AS "itemIds", array_agg(a.value) AS "values"
      FROM "Response" r CROSS JOIN LATERAL unnest(r."answerItemIds", r."answerValues") AS a("itemId", value)
      WHERE ${unitCondition} AND r."submittedOn" BETWEEN ${period.from}::date AND ${period.to}::date
        AND (r.flags = 0 OR (r.flags & ${settings.excludeFlagsMask}::int) = 0) ${verified}
        AND a.value BETWEEN 1 AND 5
      GROUP BY r.id, r."versionId"`,
  )
  const catalog = await getVersionCatalog(rows.map((row) => row.versionId))
  return rows
    .filter((row) => catalog.versions.get(row.versionId)!.methodologyCode === methodologyCode)
    .map((row) => {
      const answers: Record<string, number> = {}
      row.itemIds.forEach((itemId, index) => {
        const item = catalog.items.get(itemId)
        if (item) answers[item.code] = row.values[index]!
      })
      return answers
    })
}

async function unitSql(unit: AnalysisUnit, period: Period): Promise<Prisma.Sql> {
  if (unit.level === 'servicePoint') return Prisma.sql`r."servicePointId" = ${unit.id}`
  if (unit.level === 'agency') return Prisma.sql`r."agencyId" = ${unit.id}`
  const stored = storedIdsFor(successorsAsOf(await lineageEdges(), period.to), [unit.id])
  return Prisma.sql`r."provinceId" = ANY(${stored}::text[])`
}
