import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { firstSurveyPage, openTicketSurvey } from '~/survey/opening.server'
import { SurveyPageForm } from '~/survey/survey-page-form'
import { SurveyUnavailable } from '~/survey/survey-unavailable'
import { localized } from '~/survey/texts'

/*
 * A rating ticket's link (docs/decisions/025-rating-tickets.md): the phone survey of the ticket's
 * service point, with the screening question and the procedure field answered by the ticket. This
 * page is the first page; it posts to the service point's survey (/s/<code>), which carries the
 * ticket in its signed state to the submission. A forged or altered ticket (400), an expired one
 * (410), a used one (409) or a service point with nothing running get a page saying so.
 */

export const handle = { i18n: ['survey', 'submission'], languageSwitch: 'in-page', hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((match) => match.id === 'root')?.data as { locale?: Language } | undefined
  return [{ title: data ? `${localized(data.definition.title, root?.locale ?? 'vi')} — SIPAS` : 'SIPAS' }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const opened = await openTicketSurvey(params.token ?? '', await getLanguage(request))
  if (!opened.ok) throw data(opened.unavailable, { status: opened.status })
  const { survey, ticket } = opened
  const { code, name, nameEn } = survey.servicePoint
  return {
    servicePoint: { name, nameEn },
    definition: survey.definition,
    start: firstSurveyPage(survey, ticket),
    postTo: `/s/${encodeURIComponent(code)}`,
  }
}

export default function TicketSurveyRoute() {
  const { definition, servicePoint, start, postTo } = useLoaderData<typeof loader>()
  const { i18n } = useTranslation()
  return (
    <SurveyPageForm
      definition={definition}
      view={start}
      servicePointName={i18n.language === 'en' ? servicePoint.nameEn : servicePoint.name}
      focusOnLoad={false}
      postTo={postTo}
    />
  )
}

export function ErrorBoundary() {
  return <SurveyUnavailable />
}
