import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { verifiedShare } from '~/aggregation/response-basis'
import { formatNumber, formatPercent } from '~/i18n/format'
import { TrendChart } from '~/ui/charts/trend-chart'
import { DataTable } from '~/ui/data-table'
import type { loader } from './route'

type ProvinceData = ReturnType<typeof useLoaderData<typeof loader>>

/** SIPAS year by year, the province beside the nation, as a chart and as a table. */
export function ProvinceTrend({ data }: { data: ProvinceData }) {
  const { locale, province, trend } = data
  const { t } = useTranslation('rankings')
  const percent = (value: number) => formatPercent(value, locale)
  return (
    <>
    <h2>{t('province.trendTitle')}</h2>
    {trend.length === 0 ? (
      <p>{t('page.empty')}</p>
    ) : (
      <>
        <TrendChart
          id="province-trend"
          title={t('province.trendSvgTitle', { name: province.name })}
          description={t('province.trendSvgDescription')}
          labels={trend.map((point) => String(point.year))}
          series={[
            { key: 'province', name: province.name, values: trend.map((point) => point.sipas) },
            { key: 'national', name: t('province.national'), values: trend.map((point) => point.national) },
          ]}
          format={percent}
        />
        <DataTable
          caption={t('province.trendCaption', { name: province.name })}
          columns={[
            { label: t('form.year') },
            { label: t('indices.SIPAS'), numeric: true },
            { label: t('table.n'), numeric: true },
            { label: t('table.verified'), numeric: true },
            { label: t('province.national'), numeric: true },
          ]}
          rows={trend.map((point) => ({
            key: point.year,
            cells: [
              <>
                {point.year}
                {point.proForma ? ` ${t('province.proFormaMark')}` : ''}
              </>,
              point.sipas !== null
                ? percent(point.sipas)
                : point.n > 0
                ? t('table.insufficientSample')
                : t('table.noData'),
              formatNumber(point.n, locale),
              formatPercent(verifiedShare(point.verified, point.n), locale, 0),
              point.national === null
                ? '—'
                : point.officialNational === null
                ? percent(point.national)
                : t('province.nationalProForma', { proForma: percent(point.national), official: percent(point.officialNational) }),
            ],
          }))}
        />
        {trend.some((point) => point.proForma) ? <p className="hint">{t('province.proFormaTrend')}</p> : null}
      </>
    )}
    </>
  )
}
