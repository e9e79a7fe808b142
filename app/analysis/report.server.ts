import { aggregationSettings, unitFigures } from '~/aggregation/figures.server'
import type { Period } from '~/aggregation/period'
import type { Language } from '~/i18n/config'
import { rankingYears } from '~/ranking/rankings.server'
import { getPlanUnit, listImprovementActions } from './improvement-actions.server'
import type { CompareUnit } from './peer-comparison.server'
import { loadPeerComparison } from './peer-comparison.server'
import type { ReportInput } from './report-model'
import type { AnalysisLevel } from './analysis-query'
import { loadUnitAnalysis } from './unit-analysis.server'

/*
 * Gathers what the analysis report shows (report-model.ts): the unit's analysis (gap table,
 * drivers, chart points), its improvement plan (provinces and agencies have one), and the peer
 * comparison when peers are chosen — each from the module that computes it, nothing recomputed.
 */

export type ReportQuery = {
  level: AnalysisLevel
  unitId: string
  period: Period
  language: Language
  /** Units of the same level to compare with (scope-checked by the caller); none: no comparison. */
  peers: readonly CompareUnit[]
  self: CompareUnit | null
}

/** The report's inputs; null when the unit does not exist. */
export async function loadReportInput(query: ReportQuery): Promise<ReportInput | null> {
  const analysis = await loadUnitAnalysis({ level: query.level, unitId: query.unitId, period: query.period, language: query.language })
  if (!analysis) return null
  const plan = query.level === 'servicePoint' ? null : await getPlanUnit(query.level, query.unitId)
  const [actions, sipasInterval, peers] = await Promise.all([
    plan ? listImprovementActions(plan) : Promise.resolve([]),
    unitIndexInterval(query),
    comparison(query),
  ])
  return {
    unitName: analysis.unit.name,
    periodKey: analysis.period.key,
    periodLabel: analysis.period.label,
    n: analysis.n,
    suppressed: analysis.suppressed,
    minN: analysis.minN,
    sipas: analysis.sipas,
    sipasInterval,
    nationalSipas: analysis.nationalSipas,
    labels: analysis.labels,
    provinceNames: analysis.provinceNames,
    gaps: analysis.gaps,
    drivers: analysis.drivers,
    chart: analysis.chart,
    methodology: analysis.methodology,
    actions,
    peers,
  }
}

/** The unit index's 95 % interval, as the rankings and province pages publish it. */
async function unitIndexInterval(query: ReportQuery) {
  const [row] = await unitFigures({ period: query.period, level: query.level, ids: [query.unitId] })
  if (!row || row.figures.suppressed) return null
  return row.figures.intervals.sipas
}

async function comparison(query: ReportQuery): Promise<ReportInput['peers']> {
  if (query.peers.length === 0 || !query.self || query.period.kind !== 'year' || query.level === 'servicePoint') return null
  const year = Number(query.period.key)
  const [years, settings] = await Promise.all([rankingYears(), aggregationSettings()])
  const result = await loadPeerComparison(query.level, [query.self, ...query.peers], year, years, settings)
  return {
    year,
    baseline: result.baseline,
    units: result.units.map((unit) => ({ name: query.language === 'en' ? unit.nameEn : unit.name, sipas: unit.sipas, standing: unit.standing })),
  }
}
