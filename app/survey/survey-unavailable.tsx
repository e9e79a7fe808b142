import { isRouteErrorResponse, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { LanguageSwitch } from '~/ui/language-switch'

/** Why a survey address shows no questionnaire, as the route throws it. */
export type UnavailableReason =
  | 'unknownCode'
  | 'servicePointClosed'
  | 'noCampaign'
  | 'notStarted'
  | 'closed'
  | 'restart'
  // A rating ticket (/t/<token>) that is forged or altered, past its last day, or already used.
  | 'ticketInvalid'
  | 'ticketExpired'
  | 'ticketUsed'
export type Unavailable = { reason: UnavailableReason; code: string; servicePoint?: string; date?: string }

function isUnavailable(data: unknown): data is Unavailable {
  return typeof data === 'object' && data !== null && 'reason' in data && 'code' in data
}

/**
 * The survey routes' error boundary: a plain explanation for the respondent (unknown code,
 * nothing running, closed, a ticket refused…), anything else through the general boundary.
 */
export function SurveyUnavailable() {
  const error = useRouteError()
  const { t, i18n } = useTranslation('survey')
  if (!isRouteErrorResponse(error) || !isUnavailable(error.data)) return <GeneralErrorBoundary />
  const { reason, code, servicePoint, date } = error.data
  const body = date ? `unavailable.${reason}.bodyWithDate` : `unavailable.${reason}.body`
  return (
    <section className="survey survey-unavailable">
      <LanguageSwitch locale={i18n.language} />
      <h1>{t(`unavailable.${reason}.title`)}</h1>
      <p>{t(body, { code, servicePoint, date })}</p>
      <p>
        {reason === 'restart' ? (
          <a className="button" href={`/s/${encodeURIComponent(code)}`}>
            {t('unavailable.restart.action')}
          </a>
        ) : (
          <a href="/">{t('unavailable.home')}</a>
        )}
      </p>
    </section>
  )
}
