import { useTranslation } from 'react-i18next'
import type { UnitAnalysis } from '~/analysis/unit-analysis.server'
import type { Language } from '~/i18n/config'
import { MISSING, formatDecimal, formatPercent } from '~/i18n/format'
import { ImportancePerformanceChart } from '~/ui/charts/importance-performance-chart'
import { DataTable, numericColumn } from '~/ui/data-table'

/**
 * The key drivers, element by element, and the importance × performance chart with its table
 * (the chart's text alternative). A criterion keeps one number in the drivers table, the chart
 * and the chart's table.
 */
export function DriversSection({ analysis, locale }: { analysis: UnitAnalysis; locale: Language }) {
  const { t } = useTranslation('analysis')
  const decimal = (value: number | null) => formatDecimal(value, locale, 3)
  const numbers = new Map(analysis.drivers.flatMap((element) => element.drivers).map((driver, index) => [driver.itemCode, index + 1]))
  const label = (code: string) => analysis.labels[code] ?? code
  const { chart } = analysis
  return (
    <>
      <h2>{t('drivers.heading')}</h2>
      <p>{t('drivers.intro', { resamples: analysis.methodology.bootstrapResamples, minN: analysis.methodology.regressionMinN })}</p>
      {analysis.drivers.length === 0 ? (
        <p>{t('drivers.none')}</p>
      ) : (
        <DataTable
          caption={t('drivers.caption')}
          hideCaption
          className="breakdown"
          columns={[
            numericColumn(t('drivers.number')),
            { label: t('drivers.criterion'), rowHeader: true },
            t('drivers.method'),
            numericColumn(t('drivers.estimate')),
            numericColumn(t('drivers.interval')),
            numericColumn(t('drivers.importance')),
          ]}
          rows={analysis.drivers.flatMap((element) => [
            {
              key: element.elementCode,
              startsGroup: true,
              className: 'element-row',
              cells: ['', t('drivers.respondents', { name: label(element.elementCode), n: element.n }), '', '', '', ''],
            },
            ...element.drivers.map((driver) => ({
              key: driver.itemCode,
              headerClassName: 'item-text',
              cells: [
                numbers.get(driver.itemCode),
                label(driver.itemCode),
                element.fallback ? t(`drivers.fallback.${element.fallback}`) : t(`drivers.methods.${element.method}`),
                decimal(driver.estimate),
                driver.low === null || driver.high === null ? MISSING : `${decimal(driver.low)} – ${decimal(driver.high)}`,
                decimal(driver.importance),
              ],
            })),
          ])}
        />
      )}

      <h2>{t('chart.heading')}</h2>
      {chart.points.length === 0 || chart.importanceCut === null || chart.performanceCut === null ? (
        <p>{t('chart.none')}</p>
      ) : (
        <>
          <p>{t('chart.intro')}</p>
          <ImportancePerformanceChart
            id="importance-performance"
            title={t('chart.title', { unit: analysis.unit.name })}
            description={t('chart.description', {
              count: chart.points.length,
              fixFirst: chart.points.filter((point) => point.quadrant === 'fixFirst').length,
            })}
            marks={chart.points.map((point) => ({
              key: point.itemCode,
              label: String(numbers.get(point.itemCode) ?? ''),
              importance: point.importance,
              performance: point.performance,
              fixFirst: point.quadrant === 'fixFirst',
            }))}
            importanceCut={chart.importanceCut}
            performanceCut={chart.performanceCut}
            axis={{ importance: t('chart.axisImportance'), performance: t('chart.axisPerformance') }}
            quadrantLabel={t('chart.fixFirst')}
            formatImportance={(value) => formatDecimal(value, locale, 2)}
          />
          <DataTable
            caption={t('chart.caption')}
            columns={[
              numericColumn(t('drivers.number')),
              { label: t('drivers.criterion'), rowHeader: true },
              numericColumn(t('drivers.importance')),
              numericColumn(t('chart.performance')),
              t('chart.quadrant'),
            ]}
            rows={chart.points.map((point) => ({
              key: point.itemCode,
              headerClassName: 'item-text',
              className: point.quadrant === 'fixFirst' ? 'gap-significant' : undefined,
              cells: [
                numbers.get(point.itemCode),
                label(point.itemCode),
                decimal(point.importance),
                formatPercent(point.performance, locale),
                t(`chart.quadrants.${point.quadrant}`),
              ],
            }))}
          />
        </>
      )}
    </>
  )
}
