import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireCampaignAccess } from '~/auth/permissions.server'
import { canReadCollectionProgress } from '~/auth/policy'
import { servicePointScope } from '~/auth/scope'
import { formatNumber, formatPercent } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { getPlannedCampaign } from '~/sampling/plans.server'
import { CHANNELS, type ProgressRow, chartDayIndices } from '~/sampling/progress'
import { getCampaignProgress } from '~/sampling/progress.server'
import { TrendChart } from '~/ui/charts/trend-chart'
import { DataTable } from '~/ui/data-table'
import { pageTitle } from '~/ui/page-title'

export const handle = { i18n: ['sampling'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

/**
 * A campaign's collection: collected against target per service point, agency and province (of
 * the user's scope), by channel, with the projection to the last day and the units it flags.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaignId = params.campaignId ?? ''
  const user = await requireCampaignAccess(request, campaignId, canReadCollectionProgress)
  const [campaign, t, locale] = await Promise.all([getPlannedCampaign(campaignId), getFixedT(request, 'sampling'), getLanguage(request)])
  const progress = await getCampaignProgress(campaign!, servicePointScope(user), locale)
  const name = locale === 'en' ? campaign!.nameEn : campaign!.name
  return { title: t('progress.metaTitle', { name }), name, campaign: campaign!, progress, locale }
}

export default function CampaignProgressPage() {
  const { name, campaign, progress, locale } = useLoaderData<typeof loader>()
  const { t } = useTranslation('sampling')
  const number = (value: number) => formatNumber(Math.round(value), locale)
  const { total } = progress
  const targetPace = (index: number) => (total.target === null ? null : (total.target * (index + 1)) / progress.totalDays)
  const today = progress.elapsedDays - 1
  const projection = (index: number) =>
    progress.elapsedDays === 0 || index < today ? null : total.collected + (total.collected / progress.elapsedDays) * (index - today)
  const values = [...progress.cumulative.map((day) => day.collected ?? 0), total.target ?? 0, total.projected]
  // A year of days is too many points to draw and read: a long campaign shows about sixty.
  const shown = chartDayIndices(progress.totalDays, progress.elapsedDays).map((index) => ({ index, ...progress.cumulative[index]! }))
  const csvHref = `/campaigns/${campaign.id}/progress/csv`

  return (
    <>
      <h1>{t('progress.title', { name })}</h1>
      <p>
        {t('progress.period', { from: campaign.startsOn, to: campaign.endsOn })}{' '}
        {t('progress.clock', { elapsed: progress.elapsedDays, total: progress.totalDays, left: progress.daysLeft })}
      </p>
      <p className="headline-figure">
        {total.target === null
          ? t('progress.totalNoPlan', { collected: number(total.collected) })
          : t('progress.total', {
              collected: number(total.collected),
              target: number(total.target),
              share: formatPercent((100 * total.collected) / total.target, locale, 0),
              projected: number(total.projected),
            })}
      </p>
      <p>{t('progress.flagged', { n: total.atRisk, planned: total.planned })}</p>
      <p className="hint">{t('progress.basisHint')}</p>
      <p>
        {t('progress.download')} <a href={csvHref}>CSV</a> · <a href={`/campaigns/${campaign.id}/progress/xlsx`}>XLSX</a>
      </p>

      <h2>{t('progress.chartTitle')}</h2>
      <TrendChart
        id="campaign-progress"
        title={t('progress.chartSvgTitle', { name })}
        description={t('progress.chartSvgDescription')}
        labels={shown.map((day) => day.day.slice(5))}
        series={[
          { key: 'collected', name: t('progress.seriesCollected'), values: shown.map((day) => day.collected) },
          { key: 'projected', name: t('progress.seriesProjected'), values: shown.map((day) => projection(day.index)) },
          { key: 'target', name: t('progress.seriesTarget'), values: shown.map((day) => targetPace(day.index)) },
        ]}
        format={number}
        domain={{ min: 0, max: Math.max(10, ...values) }}
      />
      <details>
        <summary>{t('progress.chartTable')}</summary>
        <DataTable
          caption={t('progress.chartSvgTitle', { name })}
          columns={[{ label: t('progress.day') }, { label: t('progress.seriesCollected'), numeric: true }, { label: t('progress.seriesTarget'), numeric: true }]}
          rows={shown.flatMap((day) =>
            day.collected === null ? [] : [{ key: day.day, cells: [day.day, number(day.collected), targetPace(day.index) === null ? '' : number(targetPace(day.index)!)] }],
          )}
        />
      </details>

      <ProgressTable caption={t('progress.provincesCaption')} rows={progress.provinces} />
      <ProgressTable caption={t('progress.agenciesCaption')} rows={progress.agencies} />
      <ProgressTable caption={t('progress.servicePointsCaption')} rows={progress.servicePoints} />
    </>
  )
}

/** Collected against target for one level, with the channels, projection and status of each unit. */
function ProgressTable({ caption, rows }: { caption: string; rows: readonly ProgressRow[] }) {
  const { locale } = useLoaderData<typeof loader>()
  const { t } = useTranslation('sampling')
  const number = (value: number) => formatNumber(Math.round(value), locale)
  return (
    <>
      <h2>{caption}</h2>
      {rows.length === 0 ? (
        <p>{t('progress.noServicePoints')}</p>
      ) : (
        <DataTable
          caption={caption}
          hideCaption
          columns={[
            { label: t('progress.unit') },
            { label: t('progress.target'), numeric: true },
            { label: t('progress.collected'), numeric: true },
            { label: t('progress.share'), numeric: true },
            ...CHANNELS.map((channel) => ({ label: t(`progress.channels.${channel}`), numeric: true })),
            { label: t('progress.projected'), numeric: true },
            { label: t('progress.status') },
          ]}
          rows={rows.map((row) => ({
            key: row.id,
            className: row.status === 'atRisk' ? 'at-risk' : undefined,
            cells: [
              row.code ? `${row.code} — ${row.name}` : row.name,
              row.target === null ? '' : number(row.target),
              number(row.collected),
              row.target === null ? '' : formatPercent((100 * row.collected) / row.target, locale, 0),
              ...CHANNELS.map((channel) => number(row.byChannel[channel])),
              number(row.projected),
              row.level === 'servicePoint' || row.atRisk === 0
                ? t(`progress.statuses.${row.status}`)
                : t('progress.statusWithRisk', { status: t(`progress.statuses.${row.status}`), n: row.atRisk }),
            ],
          }))}
        />
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
