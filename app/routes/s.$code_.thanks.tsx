import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getFixedT } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { pageTitle } from '~/ui/page-title'

// The page a submitted survey redirects to, so reloading it never posts the answers again.

export const handle = { i18n: ['survey'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

/** Receipts are short codes (app/responses/submit.server.ts): K7Q2-M9XD-3FHA. */
const RECEIPT_FORMAT = /^[0-9A-Z]{1,8}(-[0-9A-Z]{1,8}){0,3}$/

export async function loader({ request }: LoaderFunctionArgs) {
  const receipt = new URL(request.url).searchParams.get('receipt') ?? ''
  if (!RECEIPT_FORMAT.test(receipt)) throw data(null, { status: 404 })
  const t = await getFixedT(request, 'survey')
  return { title: t('thanks.metaTitle'), receipt }
}

export default function SurveyThanks() {
  const { receipt } = useLoaderData<typeof loader>()
  const { t } = useTranslation('survey')
  return (
    <section className="survey survey-thanks">
      <h1>{t('thanks.title')}</h1>
      <p className="lead">{t('thanks.body')}</p>
      <p className="receipt">
        <span>{t('thanks.receipt')}</span> <strong>{receipt}</strong>
      </p>
      <p>{t('thanks.receiptHelp')}</p>
      <p>
        <a href="/">{t('thanks.home')}</a>
      </p>
    </section>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
