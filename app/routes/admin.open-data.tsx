import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { requireCsrfForm } from '~/auth/csrf.server'
import { requireCapability } from '~/auth/permissions.server'
import { canPublishOpenData } from '~/auth/policy'
import { useActionFields } from '~/forms/use-action-fields'
import { textValues } from '~/forms/form-values'
import { parseForm, rejectField, rejectForm } from '~/forms/reject-form.server'
import { formatNumber } from '~/i18n/format'
import { getTranslation } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { MAX_NOTES_LENGTH, PublishFormSchema, releasePeriod } from '~/open-data/publish-form'
import { ReleaseChanges } from '~/open-data/release-changes'
import { previewRelease, publishRelease } from '~/open-data/releases.server'
import { AdminPage } from '~/ui/admin-page'
import { CsrfInput } from '~/ui/csrf-input'
import { DataTable } from '~/ui/data-table'
import { ErrorSummary } from '~/ui/error-summary'
import { Field } from '~/ui/field'
import { pageTitle } from '~/ui/page-title'

/*
 * Publishing a period's open-data release (ADR 022): choose the period, see what would be
 * published (files, rows, and for a correction what changed), then publish with notes. The
 * preview is a GET; only the publish button changes anything.
 */

export const handle = { i18n: ['admin', 'open-data'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, canPublishOpenData)
  const { t, locale } = await getTranslation(request, 'open-data')
  const periodText = new URL(request.url).searchParams.get('period')?.trim() ?? ''
  const period = periodText ? releasePeriod(periodText) : null
  return {
    title: t('publish.metaTitle'),
    locale,
    periodText,
    periodError: periodText && !period ? 'publish.errors.period' : null,
    preview: period ? await previewRelease(period) : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireCapability(request, canPublishOpenData)
  const formData = await requireCsrfForm(request)
  const { data: form, rejection } = parseForm(PublishFormSchema, formData)
  if (rejection) return rejection
  const result = await publishRelease(form.period, { vi: form.notes, en: form.notesEn }, actor.id)
  // To the public list, where the new release now heads its period: recomputing the preview here
  // would rebuild every file of the period again for nothing.
  if (result.published) return redirect(`/open-data#period-${form.period}`)
  if (result.reason === 'correctionNotes') return rejectField({ field: 'notes', key: 'publish.errors.correctionNotes' }, formData)
  // Nothing to publish is bad input; the same figures again, or a version taken meanwhile, a conflict.
  return rejectForm(
    { fieldErrors: {}, values: textValues(formData), refusal: `publish.errors.${result.reason}` },
    { status: result.reason === 'noFigures' ? 400 : 409 },
  )
}

export default function OpenDataAdminPage() {
  const { locale, periodText, periodError, preview } = useLoaderData<typeof loader>()
  const { t, actionData, field } = useActionFields<typeof action>('open-data', { params: { max: MAX_NOTES_LENGTH } })
  const refusal = actionData && 'refusal' in actionData ? actionData.refusal : null
  const notes = field('notes')
  const notesEn = field('notesEn')
  return (
    <AdminPage title={t('publish.title')}>
      <ErrorSummary
        title={t('publish.refusedTitle')}
        errors={refusal ? [{ href: '#period', message: t(refusal) }] : []}
        autoFocus
      />
      <p>{t('publish.explanation')}</p>
      <p>
        <a href="/open-data">{t('publish.publicPage')}</a>
      </p>
      <Form method="get" className="filter-form">
        <Field name="period" label={t('publish.period')} hint={t('publish.periodHint')} error={periodError ? t(periodError) : undefined}>
          {(props) => <input {...props} defaultValue={periodText} required autoComplete="off" />}
        </Field>
        <button type="submit">{t('publish.preview')}</button>
      </Form>
      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('publish.previewHeading', { version: preview.version, period: preview.period.label[locale] })}</h2>
          {preview.corrects !== null ? <p>{t('publish.previewCorrects', { version: preview.corrects })}</p> : null}
          {preview.refusal ? <p className="notice">{t(`publish.errors.${preview.refusal}`)}</p> : null}
          <DataTable
            caption={t('publish.filesCaption')}
            hideCaption
            columns={[{ label: t('publish.file') }, { label: t('publish.rows'), numeric: true }, { label: t('publish.size'), numeric: true }]}
            rows={preview.files.map((file) => ({
              key: file.name,
              cells: [
                file.name,
                file.rows === null ? '' : formatNumber(file.rows, locale),
                t('release.bytes', { size: formatNumber(file.bytes, locale) }),
              ],
            }))}
          />
          {preview.changes && preview.corrects !== null ? (
            <ReleaseChanges changes={preview.changes} correctsVersion={preview.corrects} />
          ) : null}
          {preview.refusal ? null : (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="period" value={preview.period.key} />
              <Field name="notes" label={t('publish.notes')} hint={t('publish.notesHint')} error={notes.error}>
                {(props) => (
                  <textarea {...props} rows={4} maxLength={MAX_NOTES_LENGTH} required={preview.corrects !== null} defaultValue={notes.value} />
                )}
              </Field>
              <Field name="notesEn" label={t('publish.notesEn')} error={notesEn.error}>
                {(props) => (
                  <textarea {...props} rows={4} maxLength={MAX_NOTES_LENGTH} required={preview.corrects !== null} defaultValue={notesEn.value} />
                )}
              </Field>
              <button type="submit">{t('publish.publish', { version: preview.version })}</button>
            </Form>
          )}
        </section>
      ) : null}
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
