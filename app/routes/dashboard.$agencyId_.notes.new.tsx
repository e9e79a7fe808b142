import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireCsrfForm } from '~/auth/csrf.server'
import { requireAgencyAccess } from '~/auth/permissions.server'
import { canPublishNotes } from '~/auth/policy'
import { MAX_NOTE_DID_LENGTH, MAX_NOTE_SAID_LENGTH, PublishNoteSchema } from '~/cases/public-notes'
import { getNoteDraftFromCase, listAgencyServicePoints, publishNote } from '~/cases/public-notes.server'
import { useActionFields } from '~/forms/use-action-fields'
import { parseForm, rejectField } from '~/forms/reject-form.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { CsrfInput } from '~/ui/csrf-input'
import { ErrorSummary } from '~/ui/error-summary'
import { Field } from '~/ui/field'
import { pageTitle } from '~/ui/page-title'

/*
 * An agency manager publishes a note on one of the agency's service points' "you said, we did"
 * pages: from an answered case (?case=<id>: drafted from its public reply, edited before
 * publishing) or an improvement of the agency's own. Both texts are scrubbed of phone and ID
 * numbers and limited (app/cases/public-notes.ts). Nobody else may: 403, nothing changed.
 */

export const handle = { i18n: ['feedback'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

async function requirePublisher(request: Request, agencyId: string) {
  const user = await requireAgencyAccess(request, agencyId)
  if (!canPublishNotes(user, agencyId)) throw new Response(null, { status: 403 })
  return user
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agencyId = params.agencyId ?? ''
  await requirePublisher(request, agencyId)
  const caseId = new URL(request.url).searchParams.get('case')
  const [draft, servicePoints, t, locale] = await Promise.all([
    caseId ? getNoteDraftFromCase(agencyId, caseId) : null,
    listAgencyServicePoints(agencyId),
    getFixedT(request, 'feedback'),
    getLanguage(request),
  ])
  // A case of another agency, or one not answered yet, has nothing to publish.
  if (caseId && !draft) throw new Response(null, { status: 404 })
  return { title: t('notes.newTitle'), agencyId, draft, servicePoints, locale }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const agencyId = params.agencyId ?? ''
  const user = await requirePublisher(request, agencyId)
  const formData = await requireCsrfForm(request)
  const { data: note, rejection } = parseForm(PublishNoteSchema, formData)
  if (rejection) return rejection
  const published = await publishNote(agencyId, note, user.id)
  if ('error' in published) return rejectField(published.error, formData)
  return redirect(`/dashboard/${encodeURIComponent(agencyId)}/notes?published`)
}

export default function NewNote() {
  const { agencyId, draft, servicePoints, locale } = useLoaderData<typeof loader>()
  const { t, field } = useActionFields<typeof action>('feedback')
  const servicePoint = field('servicePointId')
  const said = field('said')
  const did = field('did')
  const errors = [servicePoint, said, did].flatMap((f) => (f.error ? [{ href: `#${f.name}`, message: f.error }] : []))
  return (
    <>
      <p>
        <Link to={`/dashboard/${agencyId}/notes`}>{t('notes.title')}</Link>
      </p>
      <h1>{t('notes.newTitle')}</h1>
      <ErrorSummary title={t('notes.errorTitle')} errors={errors} />
      {draft ? <p className="lead">{t('notes.fromCase')}</p> : null}
      <Form method="post">
        <CsrfInput />
        {draft ? <input type="hidden" name="caseId" value={draft.caseId} /> : null}
        <Field name="servicePointId" label={t('notes.servicePoint')} error={servicePoint.error}>
          {(props) => (
            <select {...props} required defaultValue={servicePoint.value ?? draft?.servicePointId ?? ''}>
              <option value="" disabled>
                {t('notes.servicePoint')}
              </option>
              {servicePoints.map((point) => (
                <option key={point.id} value={point.id}>
                  {locale === 'en' ? point.nameEn : point.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="said" label={t('notes.said')} hint={t('notes.saidHint', { max: MAX_NOTE_SAID_LENGTH })} error={said.error}>
          {(props) => <textarea {...props} rows={4} defaultValue={said.value ?? draft?.said ?? ''} />}
        </Field>
        <Field name="did" label={t('notes.did')} hint={t('notes.didHint', { max: MAX_NOTE_DID_LENGTH })} error={did.error}>
          {(props) => <textarea {...props} rows={6} required defaultValue={did.value ?? draft?.did ?? ''} />}
        </Field>
        <button type="submit">{t('notes.publish')}</button>
      </Form>
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
