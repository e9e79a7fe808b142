import type { Params } from '@remix-run/react'
import { parseAnalysisLevel, parseAnalysisSearch } from '~/analysis/analysis-query'
import { MAX_PEERS } from '~/analysis/peer-comparison'
import { getCompareUnits } from '~/analysis/peer-comparison.server'
import { buildReportModel } from '~/analysis/report-model'
import { loadReportInput } from '~/analysis/report.server'
import { getAnalysisUnit } from '~/analysis/unit-analysis.server'
import { analysisOutOfScope, requireAnalysisAccess } from '~/auth/analysis-access.server'
import { canComparePeers } from '~/auth/policy'
import { isLanguage } from '~/i18n/config'
import { fixedT, getLanguage } from '~/i18n/i18next.server'
import { defaultRankingYear, rankingYears } from '~/ranking/rankings.server'

/*
 * What the report page and the report PDF share: the unit (scope-checked as its analysis is),
 * ?period= as the analysis reads it, ?lang=vi|en (else the reader's language), and the peers to
 * compare with (?peer=<id>, repeated; scope-checked as the comparison is) — then the report model.
 */
export async function loadReport(request: Request, params: Params) {
  const level = parseAnalysisLevel(params.level)
  if (!level) throw new Response(null, { status: 404 })
  const { user, unit } = await requireAnalysisAccess(request, await getAnalysisUnit(level, params.unitId ?? ''))
  const search = new URL(request.url).searchParams
  const asked = search.get('lang')
  if (asked !== null && !isLanguage(asked)) throw new Response(null, { status: 400 })
  const locale = asked ?? (await getLanguage(request))
  const t = await fixedT(locale, 'improvement')
  const { search: query, error } = parseAnalysisSearch(search, defaultRankingYear(await rankingYears()))
  if (!query) throw new Response((await fixedT(locale, 'analysis'))(error), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

  const peerIds = [...new Set(search.getAll('peer').filter((id) => id !== '' && id !== unit.id))]
  if (peerIds.length > MAX_PEERS - 1) throw new Response(t('compare.errors.tooMany'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  let peers: NonNullable<Awaited<ReturnType<typeof getCompareUnits>>> = []
  let self = null
  if (peerIds.length > 0) {
    if (level === 'servicePoint') throw new Response(null, { status: 400 })
    const units = await getCompareUnits(level, [unit.id, ...peerIds])
    if (!units) throw new Response(null, { status: 404 })
    if (!canComparePeers(user, { level, provinceIds: units.map((candidate) => candidate.provinceId ?? '') })) throw await analysisOutOfScope(request)
    ;[self, ...peers] = units
  }
  const input = await loadReportInput({ level, unitId: unit.id, period: query.period, language: locale, peers, self: self ?? null })
  if (!input) throw new Response(null, { status: 404 })
  return { locale, level, unitId: unit.id, period: query.period.key, peerIds, model: buildReportModel(input, t, locale) }
}
