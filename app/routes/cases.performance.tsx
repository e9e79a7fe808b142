import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { periodOrThisYear } from '~/aggregation/period'
import { canReadNationally, canSeeProvince } from '~/auth/policy'
import { requireUser } from '~/auth/session.server'
import { getResponseTimes } from '~/dashboard/response-time.server'
import { formatDecimal, formatNumber, formatPercent, MISSING } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { vietnamDay } from '~/responses/vietnam-time'
import { DataTable, numericColumn } from '~/ui/data-table'
import { pageTitle } from '~/ui/page-title'

/*
 * How fast agencies answer citizens' cases (docs/decisions/026-cases.md): per agency, the median
 * and 90th percentile of days to the first answer, the share answered on time, and the open and
 * overdue cases, ranked on the share answered on time. The Ministry sees the country or one
 * province (`?province=`); a province administrator sees their own province.
 */

export const handle = { i18n: ['cases'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const provinceId = url.searchParams.get('province') || (user.role === 'province_admin' ? user.provinceId : null)
  if (provinceId ? !canSeeProvince(user, provinceId) : !canReadNationally(user)) throw new Response(null, { status: 403 })
  const period = periodOrThisYear(url.searchParams.get('period'))
  if (!period) throw new Response(null, { status: 400 })
  const [lines, t, locale] = await Promise.all([
    getResponseTimes(provinceId, period, vietnamDay(new Date())),
    getFixedT(request, 'cases'),
    getLanguage(request),
  ])
  return { title: t('performance.metaTitle'), locale, provinceId, period: { key: period.key, label: period.label[locale] }, lines }
}

export default function CasePerformance() {
  const { locale, provinceId, period, lines } = useLoaderData<typeof loader>()
  const { t } = useTranslation('cases')
  const days = (value: number | null) => (value === null ? MISSING : formatDecimal(value, locale, 1))

  return (
    <>
      <h1>{t('performance.title')}</h1>
      <p className="lead">{t('performance.lead')}</p>
      <Form method="get" className="filter-form">
        {provinceId ? <input type="hidden" name="province" value={provinceId} /> : null}
        <div className="field">
          <label htmlFor="performance-period">{t('performance.period')}</label>
          <input id="performance-period" name="period" defaultValue={period.key} />
        </div>
        <button type="submit">{t('performance.show')}</button>
      </Form>
      {lines.length === 0 ? (
        <p>{t('performance.none')}</p>
      ) : (
        <DataTable
          caption={t('performance.caption', { period: period.label })}
          columns={[
            numericColumn(t('performance.rank')),
            { label: t('performance.agency'), rowHeader: true },
            numericColumn(t('performance.onTime')),
            numericColumn(t('performance.median')),
            numericColumn(t('performance.p90')),
            numericColumn(t('performance.cases')),
            numericColumn(t('performance.open')),
            numericColumn(t('performance.overdue')),
          ]}
          rows={lines.map((line) => ({
            key: line.key,
            cells: [
              line.rank === null ? MISSING : formatNumber(line.rank, locale),
              locale === 'en' ? line.nameEn : line.name,
              formatPercent(line.onTimeShare, locale, 1),
              days(line.medianDays),
              days(line.p90Days),
              formatNumber(line.cases, locale),
              formatNumber(line.open, locale),
              formatNumber(line.overdue, locale),
            ],
          }))}
        />
      )}
      <p className="hint">{t('performance.method')}</p>
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
