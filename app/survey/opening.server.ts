import type { Language } from '~/i18n/config'
import { askedDefinition, askedFormBlock } from '~/questionnaire/asked-form'
import type { Definition } from '~/questionnaire/definition'
import { formatDate } from '~/i18n/format'
import { SCREENING_PAGE } from '~/questionnaire/pages'
import { SubmissionError } from '~/responses/errors'
import { getTicketHolder, requireMintedTicket } from '~/responses/ticket.server'
import { ticketAnswers } from '~/tickets/answers'
import { codedAnswers } from '~/responses/answers'
import { type SurveyAvailability, getSurveyAvailability } from './availability.server'
import { nextAskedPage } from './fixed-answers'
import { signSurveyState, type SurveyState } from './state.server'
import type { SurveyPageView } from './survey-page-form'
import type { Unavailable } from './survey-unavailable'

/*
 * Opening the phone survey, by a service point's code (/s/<code>) or by a rating ticket
 * (/t/<token>, docs/decisions/025-rating-tickets.md): the questionnaire running there and its
 * first page, or why there is none, as the routes' error boundary explains it.
 */

export type OpenSurvey = Extract<SurveyAvailability, { status: 'open' }>
export type SurveyTicket = NonNullable<SurveyState['ticket']>
type Refusal = { ok: false; status: 400 | 404 | 409 | 410; unavailable: Unavailable }

/** The open survey at `code`, or why not (404 unknown or nothing running, 410 closed). */
export async function openSurvey(code: string, locale: Language, now = new Date()): Promise<{ ok: true; survey: OpenSurvey } | Refusal> {
  const survey = await getSurveyAvailability(code, now)
  if (survey.status === 'open') return { ok: true, survey }
  const servicePoint = 'servicePoint' in survey ? (locale === 'en' ? survey.servicePoint.nameEn : survey.servicePoint.name) : undefined
  const day = survey.status === 'notStarted' ? survey.startsOn : survey.status === 'closed' ? survey.endedOn : null
  const status = survey.status === 'servicePointClosed' || survey.status === 'closed' ? 410 : 404
  return { ok: false, status, unavailable: unavailable(survey.status, code, servicePoint, day ? formatDate(day, locale, 'long') : undefined) }
}

/**
 * The survey a rating ticket opens: its service point's, if the ticket is genuine (400), not
 * expired (410) and not used (409); then whatever `openSurvey` says of the service point.
 */
export async function openTicketSurvey(
  token: string,
  locale: Language,
  now = new Date(),
): Promise<{ ok: true; survey: OpenSurvey; ticket: SurveyTicket } | Refusal> {
  let minted
  try {
    minted = await requireMintedTicket(token, now)
  } catch (error) {
    if (!(error instanceof SubmissionError)) throw error
    if (error.code === 'ticket_expired') return { ok: false, status: 410, unavailable: unavailable('ticketExpired', '') }
    return { ok: false, status: 400, unavailable: unavailable('ticketInvalid', '') }
  }
  const { claims } = minted
  if ((await getTicketHolder(claims.nonce)) !== null) {
    return { ok: false, status: 409, unavailable: unavailable('ticketUsed', claims.servicePointCode) }
  }
  const opened = await openSurvey(claims.servicePointCode, locale, now)
  if (!opened.ok) return opened
  if (opened.survey.servicePoint.id !== minted.servicePointId) return { ok: false, status: 400, unavailable: unavailable('ticketInvalid', '') }
  return { ...opened, ticket: { token, field: claims.field } }
}

/**
 * The survey's first page and its freshly signed state: the screening page, or with a ticket
 * the first page after the questions the ticket answers. Where the campaign asks the phone the
 * short form, the response id minted here draws the block (`view.block`).
 */
export function firstSurveyPage(survey: OpenSurvey, ticket?: SurveyTicket): SurveyPageView {
  const id = crypto.randomUUID()
  const block = askedFormBlock(survey.definition, survey.shortFormChannels, 'phone', id)
  const definition = askedDefinition(survey.definition, block)
  const fixed = ticket ? ticketAnswers(definition, ticket.field) : {}
  const page = ticket ? nextAskedPage(definition, codedAnswers(fixed), SCREENING_PAGE, fixed).key : SCREENING_PAGE
  const state: SurveyState = {
    id,
    servicePointCode: survey.servicePoint.code,
    versionId: survey.versionId,
    startedAt: new Date().toISOString(),
    page,
    reviewing: false,
    answers: fixed,
    ...(ticket ? { ticket } : {}),
  }
  return { state: signSurveyState(state), page, answers: fixed, block, ...(ticket ? { fixed } : {}) }
}

/**
 * What the respondent holding `responseId` is asked: the version, or the core and the block its
 * id draws when the campaign asks the phone the short form — as the submission decides it.
 */
export function surveyForm(survey: OpenSurvey, responseId: string): { definition: Definition; block: number | null } {
  const block = askedFormBlock(survey.definition, survey.shortFormChannels, 'phone', responseId)
  return { definition: askedDefinition(survey.definition, block), block }
}

export function unavailable(reason: Unavailable['reason'], code: string, servicePoint?: string, date?: string): Unavailable {
  return { reason, code, ...(servicePoint ? { servicePoint } : {}), ...(date ? { date } : {}) }
}
