import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { parsePeriod } from '~/aggregation/period'
import { ANALYSIS_LEVELS } from '~/analysis/analysis-query'
import { listAnalysableUnits } from '~/analysis/analysable-units.server'
import { requireCapability } from '~/auth/permissions.server'
import { canAnalyseUnits } from '~/auth/policy'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { defaultRankingYear, rankingYears } from '~/ranking/rankings.server'
import { pageTitle } from '~/ui/page-title'

/*
 * Choosing what to analyse (docs/decisions/030-analysis.md): a unit within the user's scope and a
 * period, by a GET form; a valid choice goes to /analysis/<level>/<unitId>?period=….
 */

export const handle = { i18n: ['analysis'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, canAnalyseUnits)
  const [t, locale, units, years] = await Promise.all([
    getFixedT(request, 'analysis'),
    getLanguage(request),
    listAnalysableUnits(user),
    rankingYears(),
  ])
  const search = new URL(request.url).searchParams
  const chosen = search.get('unit')
  const periodText = search.get('period')?.trim() || String(defaultRankingYear(years))
  const page = { title: t('picker.metaTitle'), locale, units, chosen, period: periodText }
  if (chosen === null) return data({ ...page, error: null })
  const unit = units.find((candidate) => `${candidate.level}:${candidate.id}` === chosen)
  const period = parsePeriod(periodText)
  if (!unit || !period) return data({ ...page, error: !unit ? 'errors.badUnit' : 'errors.badPeriod' }, { status: 400 })
  return redirect(`/analysis/${unit.level}/${encodeURIComponent(unit.id)}?period=${encodeURIComponent(period.key)}`)
}

export default function AnalysisPicker() {
  const { units, chosen, period, error } = useLoaderData<typeof loader>()
  const { t } = useTranslation('analysis')
  return (
    <>
      <h1>{t('picker.title')}</h1>
      <p className="lead">{t('picker.lead')}</p>
      {error ? (
        <p className="notice" role="alert">
          {t(error)}
        </p>
      ) : null}
      {units.length === 0 ? (
        <p>{t('picker.none')}</p>
      ) : (
        <Form method="get" className="filter-form">
          <div className="field">
            <label htmlFor="analysis-unit">{t('picker.unit')}</label>
            <select id="analysis-unit" name="unit" defaultValue={chosen ?? undefined}>
              {ANALYSIS_LEVELS.map((level) => {
                const ofLevel = units.filter((unit) => unit.level === level)
                return ofLevel.length === 0 ? null : (
                  <optgroup key={level} label={t(`picker.levels.${level}`)}>
                    {ofLevel.map((unit) => (
                      <option key={unit.id} value={`${unit.level}:${unit.id}`}>
                        {unit.name}
                      </option>
                    ))}
                  </optgroup>
                )
              })}
            </select>
          </div>
          <div className="field">
            <label htmlFor="analysis-period">{t('picker.period')}</label>
            <input id="analysis-period" name="period" defaultValue={period} aria-describedby="analysis-period-hint" />
            <p id="analysis-period-hint" className="hint">
              {t('picker.periodHint')}
            </p>
          </div>
          <button type="submit">{t('picker.show')}</button>
        </Form>
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
