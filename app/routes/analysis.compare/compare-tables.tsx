import { useTranslation } from 'react-i18next'
import type { Estimate, PeerComparison } from '~/analysis/peer-comparison.server'
import type { Language } from '~/i18n/config'
import { MISSING, formatNumber, formatPercent, formatRankChange } from '~/i18n/format'
import { formatInterval, formatScore } from '~/ranking/format-score'
import { DataTable, numericColumn } from '~/ui/data-table'

/**
 * The comparison itself: the index with its interval, rank and rank change; each element with
 * its interval; the trend; the imported indices. One column per unit, in the order chosen.
 */
export function CompareTables({ comparison, locale }: { comparison: PeerComparison; locale: Language }) {
  const { t } = useTranslation('improvement')
  const { units, year } = comparison
  const name = (unit: { name: string; nameEn: string }) => (locale === 'en' ? unit.nameEn : unit.name)
  const unitColumns = units.map((unit) => numericColumn(name(unit)))
  const nationalColumn = comparison.national ? [numericColumn(t('compare.national'))] : []
  const estimate = (figure: Estimate) =>
    figure.value === null ? MISSING : `${formatPercent(figure.value, locale)} (${formatInterval(figure.low, figure.high, 'SIPAS', locale)})`
  const change = (value: number | 'reorganised' | null) =>
    value === 'reorganised' ? t('compare.reorganised') : formatRankChange(value, locale)

  return (
    <section aria-labelledby="compare-result-title">
      <h2 id="compare-result-title">{t('compare.resultTitle', { year })}</h2>
      {comparison.provisional ? <p>{t('compare.provisional')}</p> : null}
      {comparison.baseline === 'pro-forma' ? (
        <p className="notice">{t('compare.proFormaBaseline', { year: year - 1, outOf: comparison.previousOutOf ?? MISSING })}</p>
      ) : null}
      <DataTable
        caption={t('compare.indexCaption', { year })}
        columns={[t('compare.unit'), numericColumn(t('compare.sipas')), numericColumn(t('compare.respondents')), numericColumn(t('compare.rank')), numericColumn(t('compare.change'))]}
        rows={units.map((unit) => ({
          key: unit.id,
          cells: [
            name(unit),
            unit.suppressed ? t('compare.suppressed') : estimate(unit.sipas),
            formatNumber(unit.n, locale),
            unit.standing?.rank ? `${unit.standing.rank}/${unit.standing.outOf}` : MISSING,
            unit.standing ? change(unit.standing.change) : MISSING,
          ],
        }))}
      />
      <p className="hint">{t('compare.intervalNote')}</p>

      {comparison.elements.length > 0 ? (
        <DataTable
          caption={t('compare.elementsCaption', { year })}
          columns={[t('compare.element'), ...unitColumns, ...nationalColumn]}
          rows={comparison.elements.map((element) => ({
            key: element.code,
            cells: [
              element.name[locale],
              ...units.map((unit) => estimate(unit.elements[element.code] ?? { value: null, low: null, high: null })),
              ...(comparison.national ? [formatPercent(comparison.national.elements[element.code] ?? null, locale)] : []),
            ],
          }))}
        />
      ) : (
        <p>{t('compare.noFigures')}</p>
      )}

      <TrendTable comparison={comparison} locale={locale} />

      {comparison.externalIndices.length > 0 ? (
        <DataTable
          caption={t('compare.externalCaption', { year })}
          columns={[t('compare.index'), ...unitColumns]}
          rows={comparison.externalIndices.map((index) => ({
            key: index,
            cells: [
              t(`compare.indices.${index}`),
              ...units.map((unit) => {
                const standing = unit.external.find((candidate) => candidate.index === index)
                if (!standing) return MISSING
                const rank = standing.rank ? ` · ${standing.rank}/${standing.outOf}` : ''
                const moved = standing.change === null ? '' : ` (${change(standing.change)})`
                return `${formatScore(standing.score, index, locale)}${rank}${moved}`
              }),
            ],
          }))}
        />
      ) : comparison.level === 'province' ? (
        <p>{t('compare.noExternal', { year })}</p>
      ) : null}
    </section>
  )
}

function TrendTable({ comparison, locale }: { comparison: PeerComparison; locale: Language }) {
  const { t } = useTranslation('improvement')
  const years = [...new Set(comparison.units.flatMap((unit) => unit.trend.map((point) => point.year)))].sort((a, b) => a - b)
  if (years.length === 0) return null
  const anyProForma = comparison.units.some((unit) => unit.trend.some((point) => point.proForma))
  return (
    <>
      <DataTable
        caption={t('compare.trendCaption')}
        columns={[t('compare.year'), ...comparison.units.map((unit) => numericColumn(locale === 'en' ? unit.nameEn : unit.name))]}
        rows={years.map((year) => ({
          key: year,
          cells: [
            String(year),
            ...comparison.units.map((unit) => {
              const point = unit.trend.find((candidate) => candidate.year === year)
              if (!point || point.value === null) return MISSING
              return `${formatPercent(point.value, locale)}${point.proForma ? ` ${t('compare.proFormaMark')}` : ''}`
            }),
          ],
        }))}
      />
      {anyProForma ? <p className="hint">{t('compare.proFormaTrend')}</p> : null}
    </>
  )
}
