import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ReportModel, ReportTable } from '~/analysis/report-model'
import type { Language } from '~/i18n/config'
import { formatDecimal } from '~/i18n/format'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { ImportancePerformanceChart } from '~/ui/charts/importance-performance-chart'
import { pageTitle } from '~/ui/page-title'
import { loadReport } from './report-data.server'

/*
 * The analysis report as a printable page (docs/decisions/030-analysis.md): the same report model
 * as the PDF (report.pdf beside it), in the language asked (?lang=vi|en). Print styles hide the
 * site's header and links; the chart is the analysis page's, drawn from the model's points and
 * numbered, its key listing the criteria.
 */

export const handle = { i18n: ['improvement'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request, params }: LoaderFunctionArgs) {
  const report = await loadReport(request, params)
  return { ...report, title: report.model.title }
}

export default function ReportPage() {
  const { model, level, unitId, period, peerIds, locale } = useLoaderData<typeof loader>()
  const { t } = useTranslation('improvement')
  const query = new URLSearchParams({ period, lang: locale })
  for (const id of peerIds) query.append('peer', id)
  return (
    <article className="report">
      <p className="no-print">
        <a href={`/analysis/${level}/${unitId}/report.pdf?${query.toString()}`} download>
          {t('report.downloadPdf')}
        </a>
      </p>
      <h1>{model.title}</h1>
      <p className="lead">{model.subtitle}</p>
      <p>{model.summary}</p>
      <ReportTableView table={model.gapTable} />
      <p className="hint">{t('report.significantNote')}</p>
      <ReportChart chart={model.chart} locale={locale} />
      <ReportTableView table={model.driverTable} />
      {model.peerTable ? <ReportTableView table={model.peerTable} /> : null}
      {model.peerNote ? <p>{model.peerNote}</p> : null}
      <ReportTableView table={model.actionTable} empty={t('report.noActions')} />
      <h2>{model.methodologyTitle}</h2>
      {model.methodology.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </article>
  )
}

/** The analysis page's chart, numbered, with the numbered criteria as its key (and text alternative). */
function ReportChart({ chart, locale }: { chart: ReportModel['chart']; locale: Language }) {
  const { t } = useTranslation('improvement')
  if (chart.points.length === 0 || chart.importanceCut === null || chart.performanceCut === null) return null
  return (
    <section aria-labelledby="report-chart-key">
      <ImportancePerformanceChart
        id="report-chart"
        title={chart.title}
        description={t('report.chartDescription', {
          count: chart.points.length,
          fixFirst: chart.points.filter((point) => point.fixFirst).length,
        })}
        marks={chart.points.map((point, index) => ({ ...point, key: point.label, label: String(index + 1) }))}
        importanceCut={chart.importanceCut}
        performanceCut={chart.performanceCut}
        axis={{ importance: chart.xLabel, performance: chart.yLabel }}
        quadrantLabel={chart.fixFirstLabel}
        formatImportance={(value) => formatDecimal(value, locale, 2)}
      />
      <h2 id="report-chart-key">{t('report.chartKey')}</h2>
      <ol>
        {chart.points.map((point) => (
          <li key={point.label}>
            {point.label}
            {point.fixFirst ? ` — ${chart.fixFirstLabel}` : ''}
          </li>
        ))}
      </ol>
    </section>
  )
}

function ReportTableView({ table, empty }: { table: ReportTable; empty?: string }) {
  return (
    <section>
      <h2>{table.caption}</h2>
      {table.rows.length === 0 ? (
        empty ? <p>{empty}</p> : null
      ) : (
        <table className="report-table" aria-label={table.caption}>
          <thead>
            <tr>
              {table.columns.map((column, at) => (
                <th key={column} scope="col" className={table.numeric[at] ? 'num' : undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, at) =>
                  at === 0 ? (
                    <th key={at} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={at} className={table.numeric[at] ? 'num' : undefined}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
