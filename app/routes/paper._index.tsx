import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/ui/csrf-input'
import { requireCapability, requireCapabilityForm, requirePaperEntryAccess } from '~/auth/permissions.server'
import { canEnterPaper, canReconcilePaper } from '~/auth/policy'
import { useActionFields } from '~/forms/use-action-fields'
import { parseForm, rejectField } from '~/forms/reject-form.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { BatchSchema, MAX_SHEETS_PER_BATCH } from '~/paper/batch-form'
import { BatchTotalsList } from '~/paper/batch-totals'
import { listBatches, listPaperServicePoints, openBatch } from '~/paper/batches.server'
import { formatDay } from '~/paper/dates'
import { paperBatchScope, paperServicePointScope } from '~/paper/scope'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { Field } from '~/ui/field'
import { pageTitle } from '~/ui/page-title'

/*
 * Paper entry home: the batches of the service points the user keys for, with running totals,
 * and the form that opens a new batch.
 */

export const handle = { i18n: ['paper'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, canEnterPaper)
  const [batches, servicePoints, t, locale] = await Promise.all([
    listBatches(paperBatchScope(user)),
    listPaperServicePoints(paperServicePointScope(user)),
    getFixedT(request, 'paper'),
    getLanguage(request),
  ])
  return { title: t('batches.metaTitle'), batches, servicePoints, locale, supervisor: canReconcilePaper(user) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor: user, formData } = await requireCapabilityForm(request, canEnterPaper)
  const { data: batch, rejection } = parseForm(BatchSchema, formData)
  if (rejection) return rejection
  await requirePaperEntryAccess(request, batch.servicePointId)
  const result = await openBatch({ ...batch, createdById: user.id })
  if ('error' in result) return rejectField(result.error, formData)
  return redirect(`/paper/batches/${result.batchId}`)
}

export default function PaperBatchesPage() {
  const { batches, servicePoints, locale, supervisor } = useLoaderData<typeof loader>()
  const { t, values, error } = useActionFields<typeof action>('paper', { params: { max: MAX_SHEETS_PER_BATCH } })
  const name = (servicePoint: { name: string; nameEn: string }) => (locale === 'en' ? servicePoint.nameEn : servicePoint.name)

  return (
    <>
      <h1>{t('batches.title')}</h1>
      <p className="lead">{t('batches.lead')}</p>
      {batches.length === 0 ? (
        <p>{t('batches.empty')}</p>
      ) : (
        <ul className="paper-batches">
          {batches.map((batch) => (
            <li key={batch.id} className="card">
              <h2>
                {batch.servicePoint.code} — {name(batch.servicePoint)}
              </h2>
              <p>
                {t('batches.summary', { from: formatDay(batch.fromDate), to: formatDay(batch.toDate), count: batch.sheetCount })}{' '}
                {batch.doubleEntry ? t('batches.double') : t('batches.single')}
              </p>
              <BatchTotalsList totals={batch.totals} batch={batch} locale={locale} />
              <p className="paper-actions">
                <Link to={`/paper/batches/${batch.id}`} className="button">
                  {t('batches.key', { code: batch.servicePoint.code, from: formatDay(batch.fromDate) })}
                </Link>
                {supervisor && batch.doubleEntry ? (
                  <Link to={`/paper/batches/${batch.id}/reconcile`} className="button secondary">
                    {t('batches.reconcile', { code: batch.servicePoint.code, from: formatDay(batch.fromDate) })}
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}

      <h2>{t('batches.openTitle')}</h2>
      {servicePoints.length === 0 ? (
        <p>{t('batches.noServicePoints')}</p>
      ) : (
        <Form method="post">
          <CsrfInput />
          <Field name="servicePointId" label={t('batches.servicePoint')} error={error('servicePointId')}>
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
          <Field name="fromDate" label={t('batches.fromDate')} error={error('fromDate')}>
            {(props) => <input {...props} type="date" required defaultValue={values.fromDate} />}
          </Field>
          <Field name="toDate" label={t('batches.toDate')} error={error('toDate')}>
            {(props) => <input {...props} type="date" required defaultValue={values.toDate} />}
          </Field>
          <Field name="sheetCount" label={t('batches.sheetCount')} error={error('sheetCount')}>
            {(props) => (
              <input {...props} type="number" inputMode="numeric" min={1} max={MAX_SHEETS_PER_BATCH} required defaultValue={values.sheetCount} />
            )}
          </Field>
          <div className="field checkbox-field">
            <label>
              <input type="checkbox" name="doubleEntry" defaultChecked={values.doubleEntry === 'on'} /> {t('batches.doubleEntry')}
            </label>
            <p className="keying-hint">{t('batches.doubleEntryHelp')}</p>
          </div>
          <button type="submit">{t('batches.open')}</button>
        </Form>
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
