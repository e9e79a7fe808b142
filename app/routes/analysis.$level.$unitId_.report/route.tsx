import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ReportTable } from '~/analysis/report-model'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { pageTitle } from '~/ui/page-title'
import { loadReport } from './report-data.server'

/*
 * The analysis report as a printable page (docs/decisions/030-analysis.md): the same report model
 * as the PDF (report.pdf beside it), in the language asked (?lang=vi|en). Print styles hide the
 * site's header and links; the chart is the analysis page's, drawn from the model's points.
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
      {model.chart.points.length > 0 ? (
        <section aria-labelledby="report-chart-title">
          <h2 id="report-chart-title">{model.chart.title}</h2>
          <ol>
            {model.chart.points
              .filter((point) => point.fixFirst)
              .map((point) => (
                <li key={point.label}>{point.label}</li>
              ))}
          </ol>
          <p className="hint">{t('report.chartInPdf')}</p>
        </section>
      ) : null}
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
