import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportPdf } from '~/analysis/report-pdf.server'
import { loadReport } from './analysis.$level.$unitId_.report/report-data.server'

/** The analysis report as a PDF to download: /analysis/<level>/<unitId>/report.pdf?period=&lang=&peer=. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const report = await loadReport(request, params)
  const pdf = await reportPdf(report.model)
  const filename = `sipas-analysis-${report.level}-${report.unitId}-${report.period}-${report.locale}.pdf`.replace(/[^\w.-]/g, '_')
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename}"`,
      // Figures within the reader's scope: not for a shared cache.
      'Cache-Control': 'private, no-store',
    },
  })
}
