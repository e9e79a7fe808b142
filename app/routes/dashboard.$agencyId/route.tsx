import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireAgencyAccess } from '~/auth/permissions.server'
import { canAnalyseUnit, canReadCases, canWithdrawNotes } from '~/auth/policy'
import { aggregationSettings } from '~/aggregation/figures.server'
import { periodOrThisYear } from '~/aggregation/period'
import { getAgency, getAgencyFigures, getAgencyTrend, getServicePointFigures } from '~/dashboard/agency-dashboard.server'
import { MISSING, formatNumber, formatPercent } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { formatInterval } from '~/ranking/format-score'
import { TrendChart } from '~/ui/charts/trend-chart'
import { DataTable } from '~/ui/data-table'
import { pageTitle } from '~/ui/page-title'
import { AgencyFigures } from './agency-figures'
import { LowSample } from './low-sample'

/*
 * An agency's dashboard: its SIPAS for a period against its province and the country, by element
 * and item, month by month, and by service point. The citizens' comments follow, from the index
 * route (dashboard.$agencyId._index.tsx), which also takes their moderation.
 */

export const handle = { i18n: ['dashboard'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agencyId = params.agencyId ?? ''
  const user = await requireAgencyAccess(request, agencyId)
  const period = periodOrThisYear(new URL(request.url).searchParams.get('period'))
  if (!period) throw new Response(null, { status: 400 })
  const agency = (await getAgency(agencyId))!
  const { minN } = await aggregationSettings()
  const [figures, trend, servicePoints, t, locale] = await Promise.all([
    getAgencyFigures(agency, period, minN),
    getAgencyTrend(agencyId, period, minN),
    getServicePointFigures(agencyId, period, minN),
    getFixedT(request, 'dashboard'),
    getLanguage(request),
  ])
  const name = locale === 'en' ? agency.nameEn : agency.name
  return {
    title: t('agency.metaTitle', { name }),
    locale,
    agency: { id: agency.id, name, province: agency.province?.name ?? null },
    period: { key: period.key, label: period.label[locale] },
    minN,
    figures,
    trend,
    servicePoints,
    readsCases: canReadCases(user, agencyId),
    moderatesNotes: canWithdrawNotes(user, { id: agency.id, provinceId: agency.province?.id ?? null }),
    analyses: canAnalyseUnit(user, { level: 'agency', provinceId: agency.province?.id ?? null, agencyId: agency.id }),
  }
}

export default function AgencyDashboard() {
  const { locale, agency, period, minN, figures, trend, servicePoints, readsCases, moderatesNotes, analyses } = useLoaderData<typeof loader>()
  const { t } = useTranslation('dashboard')
  const percent = (value: number | null) => formatPercent(value, locale)

  return (
    <>
      <h1>{agency.name}</h1>
      <p className="lead">
        {agency.province ? t('agency.lead', { province: agency.province, period: period.label }) : period.label}
      </p>
      {readsCases ? (
        <p>
          <Link to={`/dashboard/${agency.id}/cases`}>{t('agency.casesLink')}</Link>
        </p>
      ) : null}
      {moderatesNotes ? (
        <p>
          <Link to={`/dashboard/${agency.id}/notes`}>{t('agency.notesLink')}</Link>
        </p>
      ) : null}
      {analyses ? (
        <p>
          <a href={`/analysis/agency/${agency.id}?period=${encodeURIComponent(period.key)}`}>{t('agency.analysisLink')}</a>
        </p>
      ) : null}

      <Form method="get" className="filter-form">
        <div className="field">
          <label htmlFor="dashboard-period">{t('agency.period')}</label>
          <input
            id="dashboard-period"
            name="period"
            defaultValue={period.key}
            aria-describedby="dashboard-period-hint"
          />
          <p id="dashboard-period-hint" className="hint">
            {t('agency.periodHint')}
          </p>
        </div>
        <button type="submit">{t('agency.show')}</button>
      </Form>

      {figures === null ? (
        <p className="notice">{t('agency.noData')}</p>
      ) : (
        <AgencyFigures figures={figures} agency={agency} period={period} minN={minN} locale={locale} />
      )}

      <h2>{t('agency.trendTitle')}</h2>
      <TrendChart
        id="agency-trend"
        title={t('agency.trendSvgTitle', { name: agency.name })}
        description={t('agency.trendSvgDescription')}
        labels={trend.map((point) => point.month)}
        series={[
          { key: 'agency', name: agency.name, values: trend.map((point) => (point.n > 0 ? point.sipas : null)) },
        ]}
        format={(value) => formatPercent(value, locale)}
      />
      <details>
        <summary>{t('agency.trendTable')}</summary>
        <DataTable
          caption={t('agency.trendSvgTitle', { name: agency.name })}
          columns={[{ label: t('agency.month') }, { label: 'SIPAS', numeric: true }, { label: 'n', numeric: true }]}
          rows={trend.map((point) => ({
            key: point.month,
            cells: [
              point.month,
              <>
                {point.n > 0 ? percent(point.sipas) : MISSING}
                {point.n > 0 ? <LowSample suppressed={point.suppressed} /> : null}
              </>,
              formatNumber(point.n, locale),
            ],
          }))}
        />
      </details>

      <h2>{t('agency.servicePointsTitle')}</h2>
      <DataTable
        caption={t('agency.servicePointsCaption', { period: period.label })}
        columns={[
          { label: t('agency.servicePoint') },
          { label: 'SIPAS', numeric: true },
          { label: t('agency.interval'), numeric: true },
          { label: 'n', numeric: true },
        ]}
        rows={servicePoints.map((servicePoint) => ({
          key: servicePoint.id,
          cells: [
            <>
              {locale === 'en' ? servicePoint.nameEn : servicePoint.name}{' '}
              <span className="hint">{servicePoint.code}</span>
            </>,
            <>
              {servicePoint.n > 0 ? percent(servicePoint.sipas) : MISSING}
              {servicePoint.n > 0 ? <LowSample suppressed={servicePoint.suppressed} /> : null}
            </>,
            formatInterval(servicePoint.low, servicePoint.high, 'SIPAS', locale),
            formatNumber(servicePoint.n, locale),
          ],
        }))}
      />

      <Outlet />
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
