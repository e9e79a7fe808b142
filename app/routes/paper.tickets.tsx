import { redirectDocument, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { requireCapability, requireCapabilityForm, requireTicketPrintingAccess } from '~/auth/permissions.server'
import { canPrintTickets } from '~/auth/policy'
import { useActionFields } from '~/forms/use-action-fields'
import { parseForm } from '~/forms/reject-form.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { listPaperServicePoints } from '~/paper/batches.server'
import { PROCEDURE_FIELD_CODES } from '~/tickets/fields'
import { MAX_TICKETS_PER_SHEET, TicketSheetSchema } from '~/tickets/sheet-form'
import { printTicketSheet } from '~/tickets/sheet.server'
import { ticketServicePointScope } from '~/tickets/scope'
import { CsrfInput } from '~/ui/csrf-input'
import { Field } from '~/ui/field'
import { pageTitle } from '~/ui/page-title'

/*
 * Printing a sheet of single-use rating tickets for a desk without a dossier system
 * (docs/decisions/025-rating-tickets.md): the clerk chooses the service point, optionally the
 * procedure field, and how many; the answer leads to the PDF to print and cut
 * (paper.tickets.$sheetId[.]pdf.ts). Each print mints new tickets (one TicketSheet row, its
 * RatingTicket rows, an audit event).
 */

export const handle = { i18n: ['tickets'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, canPrintTickets)
  const [servicePoints, t, locale] = await Promise.all([
    listPaperServicePoints(ticketServicePointScope(user)),
    getFixedT(request, 'tickets'),
    getLanguage(request),
  ])
  return { title: t('sheet.metaTitle'), servicePoints, locale }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canPrintTickets)
  const { data: input, rejection } = parseForm(TicketSheetSchema, formData)
  if (rejection) return rejection
  await requireTicketPrintingAccess(request, input.servicePointId)
  const sheet = await printTicketSheet({ ...input, printedById: actor.id })
  // A document redirect: the browser fetches the file itself and stays on this page.
  return redirectDocument(`/paper/tickets/${sheet.sheetId}.pdf`)
}

export default function TicketSheetPage() {
  const { servicePoints, locale } = useLoaderData<typeof loader>()
  const { t, values, error } = useActionFields<typeof action>('tickets', { params: { max: MAX_TICKETS_PER_SHEET } })
  const name = (servicePoint: { name: string; nameEn: string }) => (locale === 'en' ? servicePoint.nameEn : servicePoint.name)
  return (
    <>
      <h1>{t('sheet.title')}</h1>
      <p className="lead">{t('sheet.lead')}</p>
      {servicePoints.length === 0 ? (
        <p>{t('sheet.noServicePoints')}</p>
      ) : (
        // A native post: the answer is a file to save, not a page.
        <Form method="post" reloadDocument>
          <CsrfInput />
          <Field name="servicePointId" label={t('sheet.servicePoint')} error={error('servicePointId')}>
            {(props) => (
              <select {...props} required defaultValue={values.servicePointId}>
                {servicePoints.map((servicePoint) => (
                  <option key={servicePoint.id} value={servicePoint.id}>
                    {servicePoint.code} — {name(servicePoint)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="field" label={t('sheet.field')} hint={t('sheet.fieldHint')} error={error('field')}>
            {(props) => (
              <select {...props} defaultValue={values.field ?? ''}>
                <option value="">{t('sheet.noField')}</option>
                {PROCEDURE_FIELD_CODES.map((code) => (
                  <option key={code} value={code}>
                    {t(`fields.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="count" label={t('sheet.count')} hint={t('sheet.countHint', { max: MAX_TICKETS_PER_SHEET })} error={error('count')}>
            {(props) => (
              <input {...props} type="number" inputMode="numeric" min={1} max={MAX_TICKETS_PER_SHEET} required defaultValue={values.count ?? '20'} />
            )}
          </Field>
          <button type="submit">{t('sheet.print')}</button>
        </Form>
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
