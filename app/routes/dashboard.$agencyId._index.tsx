import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireCsrfForm } from '~/auth/csrf.server'
import { requireAgencyAccess } from '~/auth/permissions.server'
import { canModerateComments, canReadComments } from '~/auth/policy'
import { periodOrThisYear } from '~/aggregation/period'
import { HideCommentSchema, MAX_HIDE_REASON_LENGTH, RestoreCommentSchema } from '~/dashboard/comment-moderation'
import { hideComment, listAgencyComments, restoreComment } from '~/dashboard/comments.server'
import { useActionFields } from '~/forms/use-action-fields'
import { textValues } from '~/forms/form-values'
import { parseForm, rejectForm } from '~/forms/reject-form.server'
import { getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { ErrorMessage } from '~/ui/error-message'
import { StatusNotice } from '~/ui/status-notice'
import { IntentForm } from '~/ui/intent-form'

/*
 * The citizens' comments under an agency's figures (dashboard.$agencyId/route.tsx), for the
 * period the figures show. Only the agency's own staff read them; its manager and the Ministry
 * administrator hide an abusive one, with a reason, and can restore it.
 */

export const handle = { i18n: ['dashboard'] } satisfies I18nHandle

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agencyId = params.agencyId ?? ''
  const user = await requireAgencyAccess(request, agencyId)
  const period = periodOrThisYear(new URL(request.url).searchParams.get('period'))
  if (!period) throw new Response(null, { status: 400 })
  const moderates = canModerateComments(user, agencyId)
  const [comments, locale] = await Promise.all([
    canReadComments(user, agencyId) ? listAgencyComments(agencyId, period, { includeHidden: moderates }) : null,
    getLanguage(request),
  ])
  return { comments, moderates, locale }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const agencyId = params.agencyId ?? ''
  const user = await requireAgencyAccess(request, agencyId)
  if (!canModerateComments(user, agencyId)) throw new Response(null, { status: 403 })
  const formData = await requireCsrfForm(request)
  const values = textValues(formData)
  if (values.intent === 'restore') {
    const { data: restore, rejection } = parseForm(RestoreCommentSchema, formData)
    if (rejection) return rejection
    if (!(await restoreComment({ agencyId, responseId: restore.responseId, actorId: user.id })))
      throw new Response(null, { status: 404 })
    return data({ done: 'restored' as const })
  }
  const { data: hide, rejection } = parseForm(HideCommentSchema, formData)
  if (rejection) return rejection
  if (values.intent !== 'hide') return rejectForm({ fieldErrors: { reason: { key: 'comments.errors.reason' } }, values })
  const hidden = await hideComment({ agencyId, responseId: hide.responseId, reason: hide.reason, actorId: user.id })
  if (!hidden) throw new Response(null, { status: 404 })
  return data({ done: 'hidden' as const })
}

export default function AgencyComments() {
  const { comments, moderates, locale } = useLoaderData<typeof loader>()
  const { t, actionData, values, error } = useActionFields<typeof action>('dashboard')
  // Only the comment whose form was refused shows the message.
  const reasonError = (responseId: string) => (values.responseId === responseId ? error('reason') : undefined)

  return (
    <>
      <h2>{t('comments.title')}</h2>
      {comments === null ? (
        <p>{t('comments.notVisible')}</p>
      ) : (
        <>
          <p className="hint">{t('comments.privacy')}</p>
          <StatusNotice message={actionData && 'done' in actionData ? t(`comments.${actionData.done}`) : null} />
          {comments.length === 0 ? (
            <p>{t('comments.none')}</p>
          ) : (
            <ul className="comments">
              {comments.map((comment) => (
                <li key={comment.responseId} className={comment.hidden ? 'comment hidden-comment' : 'comment'}>
                  <p className="comment-meta">
                    {comment.submittedOn} · {locale === 'en' ? comment.servicePoint.nameEn : comment.servicePoint.name}
                  </p>
                  <blockquote lang="vi">{comment.text}</blockquote>
                  {comment.hidden ? (
                    <>
                      <p className="comment-hidden-note">
                        {t('comments.hiddenNote', { reason: comment.hiddenReason ?? '' })}
                      </p>
                      {moderates ? (
                        <IntentForm intent="restore" className="inline-form">
                          <input type="hidden" name="responseId" value={comment.responseId} />
                          <button type="submit" className="secondary">
                            {t('comments.restore')}
                          </button>
                        </IntentForm>
                      ) : null}
                    </>
                  ) : moderates ? (
                    <IntentForm intent="hide" className="hide-form">
                      <input type="hidden" name="responseId" value={comment.responseId} />
                      <div className="field">
                        <label htmlFor={`reason-${comment.responseId}`}>{t('comments.reason')}</label>
                        <input
                          id={`reason-${comment.responseId}`}
                          name="reason"
                          required
                          minLength={3}
                          maxLength={MAX_HIDE_REASON_LENGTH}
                          aria-invalid={reasonError(comment.responseId) ? true : undefined}
                          aria-describedby={reasonError(comment.responseId) ? `reason-${comment.responseId}-error` : undefined}
                        />
                        <ErrorMessage id={`reason-${comment.responseId}-error`} message={reasonError(comment.responseId)} />
                      </div>
                      <button type="submit" className="secondary">
                        {t('comments.hide')}
                      </button>
                    </IntentForm>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
