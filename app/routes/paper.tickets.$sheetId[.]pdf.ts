import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireCapability, requireTicketPrintingAccess } from '~/auth/permissions.server'
import { canPrintTickets } from '~/auth/policy'
import { formatDay } from '~/paper/dates'
import { ticketSheetPdf } from '~/tickets/sheet-pdf.server'
import { getPrintedSheet } from '~/tickets/sheet.server'

/** A printed sheet of rating tickets as the PDF to print: /paper/tickets/<sheetId>.pdf. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, canPrintTickets)
  const sheet = await getPrintedSheet(params.sheetId ?? '')
  if (!sheet) throw new Response(null, { status: 404 })
  await requireTicketPrintingAccess(request, sheet.servicePointId)
  const origin = new URL(request.url).origin
  const pdf = await ticketSheetPdf({
    servicePoint: sheet.servicePoint,
    validUntil: formatDay(sheet.expiresOn),
    urls: sheet.tokens.map((token) => new URL(`/t/${token}`, origin).toString()),
  })
  const filename = `sipas-tickets-${sheet.servicePoint.code}-${sheet.issuedOn}.pdf`.replace(/[^\w.-]/g, '_')
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename}"`,
      // Every ticket in it opens a survey until used: never kept by a cache.
      'Cache-Control': 'private, no-store',
    },
  })
}
