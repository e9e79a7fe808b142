import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { type ShouldRevalidateFunction, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { isEligible } from '~/questionnaire/conditions'
import type { Definition } from '~/questionnaire/definition'
import { findPage, pageItems } from '~/questionnaire/pages'
import { answerIssues, answersSchema, codedAnswers, type SubmittedAnswers } from '~/responses/answers'
import { SubmissionError, UNAVAILABLE_RETRY_AFTER_SECONDS } from '~/responses/errors'
import { submitResponse } from '~/responses/submit.server'
import { formDataReader, readPageAnswers } from '~/survey/answer-fields'
import { isFixedPage, nextAskedPage, previousAskedPage } from '~/survey/fixed-answers'
import { firstSurveyPage, openSurvey, surveyForm, unavailable } from '~/survey/opening.server'
import { checkPage, firstIncompletePage } from '~/survey/page-check'
import { readSurveyState, signSurveyState, type SurveyState } from '~/survey/state.server'
import { SurveyEnded } from '~/survey/survey-ended'
import { SurveyPageForm, type SurveyPageView } from '~/survey/survey-page-form'
import { SurveyUnavailable } from '~/survey/survey-unavailable'
import { thanksPath } from '~/survey/thanks-link.server'
import { localized } from '~/survey/texts'
import { ticketAnswers } from '~/tickets/answers'

/*
 * The phone survey a service point's QR code opens: screening question, one page per section,
 * review, submission. Every page is a form posted to the action below, which carries the answers
 * forward in a signed hidden field (app/survey/state.server.ts) and decides what comes next; the
 * page ships no JavaScript (handle.hydrate; docs/decisions/011-public-pages-without-javascript.md).
 * A survey opened with a rating ticket (/t/<token>) posts here too: its state carries the ticket,
 * whose answers are fixed (app/survey/fixed-answers.ts) and which is submitted with the rest.
 */

export const handle = { i18n: ['survey', 'submission'], languageSwitch: 'in-page', hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((match) => match.id === 'root')?.data as { locale?: Language } | undefined
  return [{ title: data ? `${localized(data.definition.title, root?.locale ?? 'vi')} — SIPAS` : 'SIPAS' }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = normaliseCode(params.code)
  if (code !== params.code) throw redirect(`/s/${encodeURIComponent(code)}${new URL(request.url).search}`)
  const survey = await requireOpenSurvey(request, code)
  const { name, nameEn } = survey.servicePoint
  return { servicePoint: { name, nameEn }, definition: survey.definition, start: firstSurveyPage(survey) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const survey = await requireOpenSurvey(request, normaliseCode(params.code))
  const formData = await request.formData()
  const state = readSurveyState(formData.get('state'))
  // The short form's block is drawn from the response id the state carries, as the submission draws it.
  const { definition, block } = surveyForm(survey, state?.id ?? '')
  const page = state && findPage(definition, state.page)
  // A tampered, foreign or stale form (the campaign moved to another version meanwhile).
  if (!state || !page || state.servicePointCode !== survey.servicePoint.code || state.versionId !== survey.versionId) {
    throw data(unavailable('restart', survey.servicePoint.code), { status: state ? 409 : 400 })
  }

  // A ticket's answers are not asked: whatever was posted for them, they stay the ticket's.
  const fixed = state.ticket ? ticketAnswers(definition, state.ticket.field) : {}
  const items = pageItems(definition, page, codedAnswers(state.answers)).map(({ item }) => item)
  const posted = { ...readPageAnswers(items, formDataReader(formData)), ...fixed }
  const { answers, issues } = checkPage(definition, page, state.answers, posted)
  const coded = codedAnswers(answers)
  const show = (key: string, extra: Partial<SurveyPageView> = {}, reviewing = state.reviewing): SurveyPageView => ({
    state: signSurveyState({ ...state, page: key, answers, reviewing }),
    page: key,
    answers,
    block,
    ...(state.ticket ? { fixed } : {}),
    ...extra,
  })

  // Back, language and edit keep whatever was entered on the page, checked or not: the answers
  // are checked when the respondent moves forward again, and all together when they submit.
  const intent = String(formData.get('intent') ?? 'next')
  if (intent === 'back') return show((previousAskedPage(definition, coded, page.key, fixed) ?? page).key)
  if (intent === 'language') return show(page.key)
  if (intent.startsWith('edit:')) {
    const edited = findPage(definition, intent.slice('edit:'.length))
    return show(edited && !isFixedPage(definition, edited, coded, fixed) ? edited.key : page.key, {}, true)
  }
  if (intent === 'submit' && page.kind === 'review') {
    return submitSurvey({ definition, state, answers, language: await getLanguage(request), website: formData.get('website'), show })
  }

  if (issues.length > 0) return data(show(page.key, { issues }), { status: 400 })
  if (page.kind === 'screening' && !isEligible(definition, coded)) return { ended: true as const }
  const next = state.reviewing ? firstIncompletePage(definition, answers) : nextAskedPage(definition, coded, page.key, fixed)
  return show(next.key)
}

/**
 * The final page, through the submission contract. Idempotent by the response id minted when
 * the survey opened: a reload or a second tap is a replay, answered with the same receipt.
 */
async function submitSurvey({
  definition,
  state,
  answers,
  language,
  website,
  show,
}: {
  definition: Definition
  state: SurveyState
  answers: SubmittedAnswers
  language: Language
  website: FormDataEntryValue | null
  show: (key: string, extra?: Partial<SurveyPageView>) => SurveyPageView
}) {
  // Every page was checked on its way, but "back" and "edit" keep unchecked input: check all.
  const whole = answersSchema(definition).safeParse(answers)
  if (!whole.success) return data(show('review', { issues: answerIssues(whole.error) }), { status: 400 })
  try {
    const { receiptId } = await submitResponse(
      {
        id: state.id,
        versionId: state.versionId,
        servicePointCode: state.servicePointCode,
        language,
        startedAt: state.startedAt,
        answers,
        website: typeof website === 'string' ? website : '',
        ...(state.ticket ? { ticket: state.ticket.token } : {}),
      },
      { channel: 'phone', language },
    )
    return redirect(thanksPath(state.servicePointCode, receiptId))
  } catch (error) {
    if (!(error instanceof SubmissionError)) throw error
    // Another response was given with this ticket (another tab, a second phone): nothing to fix.
    if (error.code === 'ticket_used' && state.ticket) throw data(unavailable('ticketUsed', state.servicePointCode), { status: 409 })
    const headers: HeadersInit =
      error.code === 'database_unavailable' ? { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } : {}
    return data(show('review', { submitError: { code: error.code, params: error.params }, issues: [...error.issues] }), {
      status: error.status,
      headers,
    })
  }
}

// The survey's own answers come back from the action; reloading the questionnaire is not needed.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, currentParams, nextParams, defaultShouldRevalidate }) =>
  formMethod === 'POST' && currentParams.code === nextParams.code ? false : defaultShouldRevalidate

export default function SurveyRoute() {
  const { definition, servicePoint, start } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { i18n } = useTranslation()
  if (result && 'ended' in result) return <SurveyEnded definition={definition} />
  const view = result ?? start
  return (
    <SurveyPageForm
      key={view.state}
      definition={definition}
      view={view}
      servicePointName={i18n.language === 'en' ? servicePoint.nameEn : servicePoint.name}
      focusOnLoad={result !== undefined}
    />
  )
}

export function ErrorBoundary() {
  return <SurveyUnavailable />
}

function normaliseCode(code: string | undefined): string {
  return (code ?? '').trim().toUpperCase()
}

/** The open survey at `code`, or a thrown response the error boundary explains (404 / 410). */
async function requireOpenSurvey(request: Request, code: string) {
  const opened = await openSurvey(code, await getLanguage(request))
  if (!opened.ok) throw data(opened.unavailable, { status: opened.status })
  return opened.survey
}
