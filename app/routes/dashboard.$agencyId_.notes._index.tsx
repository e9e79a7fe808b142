import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireCsrfForm } from '~/auth/csrf.server'
import { requireAgencyAccess } from '~/auth/permissions.server'
import { canPublishNotes, canWithdrawNotes } from '~/auth/policy'
import { listAgencyNotes, withdrawNote } from '~/cases/public-notes.server'
import { getAgency } from '~/dashboard/agency-dashboard.server'
import { useActionFields } from '~/forms/use-action-fields'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { DataTable } from '~/ui/data-table'
import { IntentForm } from '~/ui/intent-form'
import { pageTitle } from '~/ui/page-title'
import { StatusNotice } from '~/ui/status-notice'

/*
 * What an agency has published on its service points' "you said, we did" pages, withdrawn notes
 * included. The agency's manager publishes (dashboard.$agencyId_.notes.new.tsx) and withdraws;
 * the province's administrator withdraws too (moderation). Anyone else: 403.
 */

export const handle = { i18n: ['feedback'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

/** The agency, and a user who may withdraw its notes (403 otherwise). */
async function requireNoteModerator(request: Request, agencyId: string) {
  const user = await requireAgencyAccess(request, agencyId)
  const agency = await getAgency(agencyId)
  if (!agency || !canWithdrawNotes(user, { id: agencyId, provinceId: agency.province?.id ?? null })) throw new Response(null, { status: 403 })
  return { user, agency }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agencyId = params.agencyId ?? ''
  const { user, agency } = await requireNoteModerator(request, agencyId)
  const [notes, t, locale] = await Promise.all([listAgencyNotes(agencyId), getFixedT(request, 'feedback'), getLanguage(request)])
  return {
    title: t('notes.metaTitle'),
    agency: { id: agencyId, name: locale === 'en' ? agency.nameEn : agency.name },
    notes,
    locale,
    publishes: canPublishNotes(user, agencyId),
    published: new URL(request.url).searchParams.has('published'),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const agencyId = params.agencyId ?? ''
  const { user } = await requireNoteModerator(request, agencyId)
  const formData = await requireCsrfForm(request)
  if (formData.get('intent') !== 'withdraw') throw new Response(null, { status: 400 })
  if (!(await withdrawNote(agencyId, String(formData.get('noteId') ?? ''), user.id))) throw new Response(null, { status: 404 })
  return data({ withdrawn: true })
}

export default function AgencyNotes() {
  const { agency, notes, locale, publishes, published } = useLoaderData<typeof loader>()
  const { t, actionData } = useActionFields<typeof action>('feedback')
  const notice = actionData && 'withdrawn' in actionData ? t('notes.withdrawn') : published ? t('notes.publishedNotice') : null
  return (
    <>
      <p>
        <Link to={`/dashboard/${agency.id}`}>{agency.name}</Link>
      </p>
      <h1>{t('notes.title')}</h1>
      <p className="lead">{t('notes.lead')}</p>
      <StatusNotice message={notice} />
      {publishes ? (
        <p>
          <Link to="new">{t('notes.new')}</Link>
        </p>
      ) : null}
      {notes.length === 0 ? (
        <p>{t('notes.empty')}</p>
      ) : (
        <DataTable
          caption={t('notes.title')}
          columns={[{ label: t('notes.publishedOn'), rowHeader: true }, t('notes.servicePoint'), t('notes.kind'), t('notes.said'), t('notes.did'), t('notes.state')]}
          rows={notes.map((note) => ({
            key: note.id,
            cells: [
              formatDate(note.publishedAt, locale),
              note.servicePoint ? (locale === 'en' ? note.servicePoint.nameEn : note.servicePoint.name) : '',
              t(`youSaid.kinds.${note.kind === 'reply' ? 'reply' : 'improvement'}`),
              note.said,
              note.did,
              note.withdrawnAt ? (
                t('notes.withdrawnOn', { date: formatDate(note.withdrawnAt, locale) })
              ) : (
                <IntentForm key="withdraw" intent="withdraw" hidden={{ noteId: note.id }}>
                  <span>{t('notes.published')}</span>{' '}
                  <button type="submit" className="secondary">
                    {t('notes.withdraw')}
                  </button>
                </IntentForm>
              ),
            ],
          }))}
        />
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
