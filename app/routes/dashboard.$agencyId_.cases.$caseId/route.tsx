import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireCsrfForm } from '~/auth/csrf.server'
import { requireAgencyAccess } from '~/auth/permissions.server'
import { canReadCases, canSeeCaseContact, canWorkOnCases } from '~/auth/policy'
import { getCaseSettings } from '~/cases/settings.server'
import { ALLOWED_FROM, AssignSchema, CASE_INTENTS, type CaseIntent, caseState, MAX_INTERNAL_NOTE_LENGTH, NoteSchema, ReplySchema } from '~/dashboard/case-forms'
import { type CaseChange, changeCase, getAgencyCase, listCaseAssignees } from '~/dashboard/cases.server'
import type { FieldError } from '~/forms/field-errors'
import { textValues } from '~/forms/form-values'
import { parseForm, rejectForm } from '~/forms/reject-form.server'
import { useActionFields } from '~/forms/use-action-fields'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { vietnamDay } from '~/responses/vietnam-time'
import { DataTable } from '~/ui/data-table'
import { Field } from '~/ui/field'
import { IntentForm } from '~/ui/intent-form'
import { pageTitle } from '~/ui/page-title'
import { SelectField } from '~/ui/select-field'
import { StatusNotice } from '~/ui/status-notice'
import { CaseAnswerText } from './case-answer-text'
import { ReplyForm } from './reply-form'

/*
 * One case of an agency (docs/decisions/026-cases.md): what the citizen answered and wrote, the
 * contact details they gave (the agency's own staff only), and — for the agency's manager — the
 * work on it: start, assign, an internal note, the public reply that marks it answered, close.
 * Anyone else gets 403 on the page and on every action.
 */

export const handle = { i18n: ['cases', 'dashboard'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

/** The user, if they may read the agency's cases (else 403). */
async function requireCaseReader(request: Request, agencyId: string) {
  const user = await requireAgencyAccess(request, agencyId)
  if (!canReadCases(user, agencyId)) throw new Response(null, { status: 403 })
  return user
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agencyId = params.agencyId ?? ''
  const user = await requireCaseReader(request, agencyId)
  const works = canWorkOnCases(user, agencyId)
  const [found, assignees, settings, t, locale] = await Promise.all([
    getAgencyCase(agencyId, params.caseId ?? '', { withContact: canSeeCaseContact(user, agencyId) }),
    works ? listCaseAssignees(agencyId) : [],
    getCaseSettings(),
    getFixedT(request, 'cases'),
    getLanguage(request),
  ])
  if (!found) throw new Response(null, { status: 404 })
  return {
    title: t('case.metaTitle', { date: found.openedOn }),
    agencyId,
    locale,
    works,
    assignees,
    contactRetentionDays: settings.contactRetentionDays,
    state: caseState(found.status, found.dueOn, vietnamDay(new Date())),
    found,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const agencyId = params.agencyId ?? ''
  const caseId = params.caseId ?? ''
  const user = await requireCaseReader(request, agencyId)
  if (!canWorkOnCases(user, agencyId)) throw new Response(null, { status: 403 })
  const formData = await requireCsrfForm(request)
  const intent = String(formData.get('intent') ?? '') as CaseIntent
  if (!CASE_INTENTS.includes(intent)) return refuse(formData, { key: 'case.errors.intent' })
  const read = readChange(intent, formData)
  if ('rejection' in read) return read.rejection
  const result = await changeCase({ agencyId, caseId, actorId: user.id, change: read.change })
  if ('status' in result) return data({ done: intent })
  if (result.refused === 'not_found') throw new Response(null, { status: 404 })
  if (result.refused === 'bad_assignee') {
    return rejectForm({ fieldErrors: { assigneeId: { key: 'case.errors.assignee' } }, values: textValues(formData), formError: null })
  }
  return refuse(formData, { key: 'case.errors.wrongStatus' }, 409)
}

/** The change an intent's form asks for, or the 400 answer refusing it. */
function readChange(intent: CaseIntent, formData: FormData): { change: CaseChange } | { rejection: ReturnType<typeof rejectForm> } {
  const extra = { formError: null as FieldError | null }
  if (intent === 'answer') {
    const { data: reply, rejection } = parseForm(ReplySchema, formData, extra)
    return rejection ? { rejection } : { change: { intent, publicReply: reply.publicReply } }
  }
  if (intent === 'note') {
    const { data: note, rejection } = parseForm(NoteSchema, formData, extra)
    return rejection ? { rejection } : { change: { intent, internalNote: note.internalNote } }
  }
  if (intent === 'assign') {
    const { data: assign, rejection } = parseForm(AssignSchema, formData, extra)
    return rejection ? { rejection } : { change: { intent, assigneeId: assign.assigneeId } }
  }
  return { change: { intent } }
}

/** The form refused as a whole (not one field): one message above the forms. */
function refuse(formData: FormData, formError: FieldError, status = 400) {
  return rejectForm({ fieldErrors: {}, values: textValues(formData), formError }, { status })
}

export default function CasePage() {
  const { agencyId, locale, works, assignees, contactRetentionDays, state, found } = useLoaderData<typeof loader>()
  const { t, actionData, values, error } = useActionFields<typeof action>('cases', { params: { max: MAX_INTERNAL_NOTE_LENGTH } })
  const done = actionData && 'done' in actionData ? actionData.done : null
  const formError = actionData && 'formError' in actionData ? actionData.formError : null
  const may = (intent: CaseIntent) => works && ALLOWED_FROM[intent].includes(found.status)
  const servicePoint = locale === 'en' ? found.servicePoint.nameEn : found.servicePoint.name

  return (
    <>
      <p>
        <Link to={`/dashboard/${agencyId}/cases`}>{t('case.back')}</Link>
      </p>
      <h1>{t('case.title', { date: found.openedOn, servicePoint })}</h1>
      <StatusNotice message={done ? t(`case.done.${done}`) : null} />
      {formError ? (
        <p className="error-text" role="alert">
          {t(formError.key, formError.params)}
        </p>
      ) : null}
      <dl className="case-facts">
        <dt>{t('case.status')}</dt>
        <dd>
          {t(`statuses.${found.status}`)}
          {state === 'overdue' ? <strong className="error-text"> · {t('states.overdue')}</strong> : null}
        </dd>
        <dt>{t('case.openedOn')}</dt>
        <dd>{found.openedOn}</dd>
        <dt>{t('case.dueOn')}</dt>
        <dd>{found.dueOn}</dd>
        <dt>{t('case.replyRequested')}</dt>
        <dd>{t(`replyRequested.${found.replyRequested ?? 'none'}`)}</dd>
      </dl>

      <h2>{t('case.commentTitle')}</h2>
      {found.comment ? (
        // A comment moderation hid is still the agency's to answer: shown as the comment list shows it, with why it was hidden.
        <div className={found.comment.hidden ? 'comment hidden-comment' : undefined}>
          <blockquote lang="vi">{found.comment.text}</blockquote>
          {found.comment.hidden ? (
            <p className="comment-hidden-note">{t('dashboard:comments.hiddenNote', { reason: found.comment.hiddenReason ?? '' })}</p>
          ) : null}
        </div>
      ) : (
        <p>{t('case.noComment')}</p>
      )}

      <DataTable
        caption={t('case.answersCaption')}
        columns={[{ label: t('case.item'), rowHeader: true }, t('case.answerColumn')]}
        rows={found.answers.map((row) => ({
          key: row.code,
          cells: [row.text[locale] || row.text.vi, <CaseAnswerText key="answer" row={row} locale={locale} />],
        }))}
      />

      {found.contact ? (
        <section aria-labelledby="contact-title">
          <h2 id="contact-title">{t('case.contactTitle')}</h2>
          <p>
            {t(`case.contactChannels.${found.contact.channel === 'email' ? 'email' : 'phone'}`)}: <span>{found.contact.value}</span>
          </p>
          <p className="hint">{t('case.contactNote', { days: contactRetentionDays })}</p>
        </section>
      ) : null}

      {found.publicReply && !may('answer') ? (
        <>
          <h2>{t('case.replyTitle')}</h2>
          <blockquote>{found.publicReply}</blockquote>
        </>
      ) : null}

      {works ? null : <p className="hint">{t('case.readOnly')}</p>}

      {may('start') ? (
        <IntentForm intent="start">
          <button type="submit">{t('case.start')}</button>
        </IntentForm>
      ) : null}

      {may('assign') ? (
        <IntentForm intent="assign">
          <SelectField
            name="assigneeId"
            label={t('case.assignee')}
            error={error('assigneeId')}
            value={values.assigneeId ?? found.assigneeId ?? ''}
            empty={t('case.nobody')}
            options={assignees.map((user) => ({ value: user.id, label: user.name }))}
          />
          <button type="submit" className="secondary">
            {t('case.assign')}
          </button>
        </IntentForm>
      ) : null}

      {may('note') ? (
        <IntentForm intent="note">
          <Field name="internalNote" label={t('case.note')} hint={t('case.noteHint')} error={error('internalNote')}>
            {(props) => (
              <textarea {...props} rows={4} maxLength={MAX_INTERNAL_NOTE_LENGTH} defaultValue={values.internalNote ?? found.internalNote} />
            )}
          </Field>
          <button type="submit" className="secondary">
            {t('case.saveNote')}
          </button>
        </IntentForm>
      ) : found.internalNote ? (
        <>
          <h2>{t('case.note')}</h2>
          <p>{found.internalNote}</p>
        </>
      ) : null}

      {may('answer') ? <ReplyForm reply={found.publicReply} actionData={actionData} /> : null}

      {found.status === 'answered' || found.status === 'closed' ? (
        <p>
          {/* Publishing on the service point's "you said, we did" page: its own screen. */}
          <Link to={`/dashboard/${agencyId}/notes/new?case=${found.id}`}>{t('case.publish')}</Link>
        </p>
      ) : null}

      {may('close') ? (
        <IntentForm intent="close">
          <p className="hint">{t('case.closeHint', { days: contactRetentionDays })}</p>
          <button type="submit" className="secondary">
            {t('case.close')}
          </button>
        </IntentForm>
      ) : null}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
