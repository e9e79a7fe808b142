import type { SerializeFrom } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { verifiedShare } from '~/aggregation/response-basis'
import { MISSING, formatChange, formatNumber, formatPercent } from '~/i18n/format'
import { formatInterval } from '~/ranking/format-score'
import { IntervalBarChart, intervalBar } from '~/ui/charts/interval-bar-chart'
import { DataTable } from '~/ui/data-table'
import { LowSample } from './low-sample'
import type { loader } from './route'

type Page = SerializeFrom<typeof loader>

/**
 * An agency's SIPAS for the period beside its province's and the country's, then each element
 * and item: the chart, and the table the chart is drawn from.
 */
export function AgencyFigures({
  figures,
  agency,
  period,
  minN,
  locale,
}: {
  figures: NonNullable<Page['figures']>
  agency: Page['agency']
  period: Page['period']
  minN: number
  locale: Language
}) {
  const { t } = useTranslation('dashboard')
  const percent = (value: number | null) => formatPercent(value, locale)
  const sipasColumns = [
    { label: 'SIPAS', numeric: true },
    { label: t('agency.interval'), numeric: true },
    { label: 'n', numeric: true },
  ]
  return (
    <>
      <h2>{t('agency.overviewTitle')}</h2>
      <DataTable
        caption={t('agency.overviewCaption', { period: period.label })}
        columns={[{ label: t('agency.unit') }, ...sipasColumns, { label: t('agency.difference'), numeric: true }]}
        rows={[
          {
            key: 'agency',
            cells: [
              agency.name,
              <>
                {percent(figures.sipas.value)}
                {figures.sipas.n > 0 ? <LowSample suppressed={figures.sipas.suppressed} /> : null}
              </>,
              formatInterval(figures.sipas.low, figures.sipas.high, 'SIPAS', locale),
              formatNumber(figures.sipas.n, locale),
              MISSING,
            ],
          },
          ...(figures.province
            ? [
                {
                  key: 'province',
                  cells: [
                    <>
                      {agency.province}
                      {figures.province.proForma ? ` ${t('agency.proFormaMark')}` : ''}
                    </>,
                    percent(figures.province.value),
                    MISSING,
                    formatNumber(figures.province.n, locale),
                    difference(figures.sipas.value, figures.province.value, locale),
                  ],
                },
              ]
            : []),
          {
            key: 'national',
            cells: [
              t('agency.national'),
              percent(figures.national),
              MISSING,
              MISSING,
              difference(figures.sipas.value, figures.national, locale),
            ],
          },
        ]}
      />
      <p className="hint">
        {t('agency.differenceHint')} {t('agency.minN', { minN })}
        {figures.excluded > 0
          ? ` ${t('agency.excluded', { excluded: formatNumber(figures.excluded, locale) })}`
          : ''}
        {figures.sipas.n > 0
          ? ` ${t('agency.verifiedShare', { n: formatNumber(figures.sipas.n, locale), share: formatPercent(verifiedShare(figures.verified, figures.sipas.n), locale, 0) })}`
          : ''}
      </p>

      <h2>{t('agency.elementsTitle')}</h2>
      <IntervalBarChart
        id="agency-elements"
        title={t('agency.elementsSvgTitle', { name: agency.name })}
        description={t('agency.elementsSvgDescription')}
        format={(value) => formatPercent(value, locale)}
        bars={figures.elements.map((element) => intervalBar(element.code, element.name[locale], element))}
      />
      <DataTable
        caption={t('agency.itemsCaption', { period: period.label })}
        className="breakdown"
        columns={[
          { label: t('agency.elementOrItem') },
          { label: t('agency.rate'), numeric: true },
          { label: t('agency.interval'), numeric: true },
          { label: 'n', numeric: true },
          { label: t('agency.province'), numeric: true },
          { label: t('agency.national'), numeric: true },
        ]}
        rows={figures.elements.flatMap((element) => [
          {
            key: element.code,
            startsGroup: true,
            className: 'element-row',
            cells: [
              element.name[locale],
              percent(element.value),
              formatInterval(element.low, element.high, 'SIPAS', locale),
              null,
              percent(element.province),
              percent(element.national),
            ],
          },
          ...element.items.map((item) => ({
            key: item.code,
            headerClassName: 'item-text',
            cells: [
              <>
                {item.text[locale]}
                {item.general ? ` ${t('agency.generalMark')}` : ''}
              </>,
              <>
                {percent(item.value)}
                {item.n > 0 ? <LowSample suppressed={item.suppressed} /> : null}
              </>,
              formatInterval(item.low, item.high, 'SIPAS', locale),
              formatNumber(item.n, locale),
              null,
              null,
            ],
          })),
        ])}
      />
    </>
  )
}

/** The agency's figure minus a comparison figure, in percentage points. */
function difference(own: number | null, other: number | null, locale: Language): string {
  return own === null || other === null ? MISSING : formatChange(own - other, locale)
}
