import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { verifiedShare } from '~/aggregation/response-basis'
import { formatNumber, formatPercent } from '~/i18n/format'
import { formatInterval, formatMargin } from '~/ranking/format-score'
import { IntervalBarChart, intervalBar } from '~/ui/charts/interval-bar-chart'
import { DataTable, numericColumn } from '~/ui/data-table'
import type { loader } from './route'

type ProvinceData = ReturnType<typeof useLoaderData<typeof loader>>

/** The year's SIPAS by element with 95 % intervals, beside the national figures. */
export function ProvinceElements({ data }: { data: ProvinceData }) {
  const { locale, year, province, breakdown, minN } = data
  const { t } = useTranslation('rankings')
  const percent = (value: number) => formatPercent(value, locale)
  // A pro-forma year compares with the pro-forma national value, the official one beside it.
  const nationalComparator = (value: number | null, official: number | null) =>
    value === null
      ? '—'
      : official === null
      ? percent(value)
      : t('province.nationalProForma', { proForma: percent(value), official: percent(official) })
  const figureColumns = [t('table.score'), t('table.interval'), t('table.margin'), t('province.national')].map(numericColumn)
  return (
    <>
    <h2>{t('province.elementsTitle', { year })}</h2>
    {breakdown === null ? (
      <p>{t('page.empty')}</p>
    ) : breakdown.suppressed ? (
      <p>{t('province.suppressed', { n: formatNumber(breakdown.n, locale), minN })}</p>
    ) : (
      <>
        <p>
          {t('province.sipasLine', {
            sipas: breakdown.sipas === null ? '—' : percent(breakdown.sipas),
            interval: formatInterval(breakdown.low, breakdown.high, 'SIPAS', locale),
            margin: formatMargin(breakdown.margin, locale),
            n: formatNumber(breakdown.n, locale),
            verified: formatPercent(verifiedShare(breakdown.verified, breakdown.n), locale, 0),
            national: nationalComparator(breakdown.nationalSipas, breakdown.proForma ? breakdown.officialNationalSipas : null),
          })}
          {breakdown.proForma ? ` ${t('province.proFormaMark')}` : ''}
        </p>
        <DataTable
          caption={t('province.elementsCaption', { name: province.name, year })}
          columns={[t('table.element'), ...figureColumns]}
          rows={breakdown.elements.map((element) => ({
            key: element.code,
            cells: [
              element.name[locale],
              element.value === null ? '—' : percent(element.value),
              formatInterval(element.low, element.high, 'SIPAS', locale),
              formatMargin(element.margin, locale),
              element.national === null ? '—' : percent(element.national),
            ],
          }))}
        />
        <IntervalBarChart
          id="province-elements"
          title={t('province.elementsCaption', { name: province.name, year })}
          description={t('province.elementsSvgDescription')}
          format={percent}
          bars={breakdown.elements.map((element) => intervalBar(element.code, element.name[locale], element))}
        />
      </>
    )}
    </>
  )
}
