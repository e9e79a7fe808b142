import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { parseAnalysisLevel, parseAnalysisSearch } from '~/analysis/analysis-query'
import { COMPARATORS } from '~/analysis/gap'
import { getAnalysisUnit, loadUnitAnalysis } from '~/analysis/unit-analysis.server'
import { requireAnalysisAccess } from '~/auth/analysis-access.server'
import { formatNumber, formatPercent } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { defaultRankingYear, rankingYears } from '~/ranking/rankings.server'
import { FilterSelect, optionsOf } from '~/ui/filter-select'
import { pageTitle } from '~/ui/page-title'
import { DriversSection } from './drivers-section'
import { GapTable } from './gap-table'

/*
 * The analysis of one unit for its improvement plan (docs/decisions/030-analysis.md): the gap
 * table sorted by index points gained, the key drivers and the importance × performance chart,
 * all from loadUnitAnalysis. GET forms choose the period and the comparator: no JavaScript.
 * Who may open it: canAnalyseUnit (outside the scope → 403, code analysis.out_of_scope).
 */

export const handle = { i18n: ['analysis'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request, params }: LoaderFunctionArgs) {
  const level = parseAnalysisLevel(params.level)
  if (!level) throw new Response(null, { status: 404 })
  const { unit } = await requireAnalysisAccess(request, await getAnalysisUnit(level, params.unitId ?? ''))
  const [t, locale, years] = await Promise.all([getFixedT(request, 'analysis'), getLanguage(request), rankingYears()])
  const { search, error } = parseAnalysisSearch(new URL(request.url).searchParams, defaultRankingYear(years))
  if (!search) throw new Response(t(error), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const analysis = (await loadUnitAnalysis({ level, unitId: unit.id, period: search.period, language: locale, comparator: search.comparator }))!
  return {
    title: t('page.metaTitle', { unit: unit.name, period: search.period.label[locale] }),
    locale,
    analysis,
  }
}

export default function UnitAnalysisPage() {
  const { locale, analysis } = useLoaderData<typeof loader>()
  const { t } = useTranslation('analysis')
  const { unit } = analysis
  return (
    <>
      <h1>{t('page.title', { unit: unit.name })}</h1>
      <p className="lead">{t('page.subtitle', { period: analysis.period.label, level: t(`picker.levels.${unit.level}`) })}</p>
      <Form method="get" className="filter-form">
        <div className="field">
          <label htmlFor="analysis-period">{t('page.period')}</label>
          <input id="analysis-period" name="period" defaultValue={analysis.period.key} aria-describedby="analysis-period-hint" />
          <p id="analysis-period-hint" className="hint">
            {t('picker.periodHint')}
          </p>
        </div>
        <FilterSelect
          id="analysis-compare"
          name="compare"
          label={t('page.comparator')}
          value={analysis.comparator}
          options={optionsOf(COMPARATORS, (comparator) => t(`page.comparators.${comparator}`))}
        />
        <button type="submit">{t('page.show')}</button>
      </Form>
      <p>
        <a href="/analysis">{t('page.back')}</a>
        {unit.level !== 'servicePoint' ? (
          <>
            {' · '}
            <a href={`/analysis/compare?level=${unit.level}&unit=${unit.id}`}>{t('page.compareLink')}</a>
            {' · '}
            <a href={`/analysis/${unit.level}/${unit.id}/actions${/^\d{4}$/.test(analysis.period.key) ? `?period=${analysis.period.key}` : ''}`}>
              {t('page.planLink')}
            </a>
          </>
        ) : null}
        {' · '}
        <a href={`/analysis/${unit.level}/${unit.id}/report?period=${encodeURIComponent(analysis.period.key)}&lang=${locale}`}>
          {t('page.reportLink')}
        </a>
      </p>

      {analysis.n === 0 ? (
        <p className="notice">{t('page.noData')}</p>
      ) : (
        <>
          <p>
            {t('page.summary', {
              n: formatNumber(analysis.n, locale),
              index: formatPercent(analysis.sipas, locale),
              national: formatPercent(analysis.nationalSipas, locale),
              provinces: analysis.nationalProvinces,
            })}
          </p>
          {analysis.suppressed ? <p className="notice">{t('page.suppressed', { minN: analysis.minN })}</p> : null}
          <GapTable analysis={analysis} locale={locale} />
          <DriversSection analysis={analysis} locale={locale} />
          <h2>{t('method.heading')}</h2>
          <p>{t('method.points')}</p>
          <p>{t('method.drivers', { n: formatNumber(analysis.methodology.driverRespondents, locale) })}</p>
        </>
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
