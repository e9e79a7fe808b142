import { useTranslation } from 'react-i18next'
import type { UnitAnalysis } from '~/analysis/unit-analysis.server'
import type { Language } from '~/i18n/config'
import { MISSING, formatChange, formatDecimal, formatPercent } from '~/i18n/format'
import { DataTable, numericColumn } from '~/ui/data-table'

/** The gap table: every element and criterion, sorted by the index points closing its gap adds. */
export function GapTable({ analysis, locale }: { analysis: UnitAnalysis; locale: Language }) {
  const { t } = useTranslation('analysis')
  const percent = (value: number | null) => formatPercent(value, locale)
  const interval = (low: number | null, high: number | null) =>
    low === null || high === null ? MISSING : `${formatDecimal(low, locale)}–${formatDecimal(high, locale)}`
  const significance = (value: boolean | null) => (value === null ? t('gaps.notTested') : value ? t('gaps.yes') : t('gaps.no'))
  return (
    <>
      <h2>{t('gaps.heading')}</h2>
      <p>{t('gaps.intro')}</p>
      {analysis.methodology.criteriaOutsideIndex ? <p className="notice">{t('gaps.criteriaOutsideIndex')}</p> : null}
      <DataTable
        caption={t('gaps.caption')}
        hideCaption
        className="breakdown"
        columns={[
          t('gaps.criterion'),
          numericColumn(t('gaps.value')),
          numericColumn(t('gaps.interval')),
          numericColumn(t('gaps.national')),
          numericColumn(t('gaps.best')),
          numericColumn(t('gaps.previous')),
          numericColumn(t('gaps.gap')),
          t('gaps.significant'),
          numericColumn(t('gaps.points')),
        ]}
        rows={analysis.gaps.map((gap) => ({
          key: `${gap.kind}:${gap.code}`,
          className: gap.kind === 'element' ? 'element-row' : undefined,
          headerClassName: gap.kind === 'item' ? 'item-text' : undefined,
          cells: [
            gap.kind === 'element' ? t('gaps.element', { name: analysis.labels[gap.code] ?? gap.code }) : (analysis.labels[gap.code] ?? gap.code),
            percent(gap.value),
            interval(gap.low, gap.high),
            percent(gap.national),
            gap.best ? `${percent(gap.best.value)} (${analysis.provinceNames[gap.best.unitId] ?? gap.best.unitId})` : MISSING,
            percent(gap.previous),
            formatChange(gap.gap, locale),
            <span key="significant" className={gap.significant ? 'gap-significant' : undefined}>
              {significance(gap.significant)}
            </span>,
            gap.inIndex || gap.pointsGained === null ? formatDecimal(gap.pointsGained, locale) : t('gaps.notInIndex'),
          ],
        }))}
      />
      <p className="hint">{t('gaps.significanceNote')}</p>
    </>
  )
}
