import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getFixedT } from '~/i18n/i18next.server'
import { getCommentRetentionDays, SUBMITTED_AT_RETENTION_DAYS } from '~/responses/retention.server'
import { pageTitle } from '~/ui/page-title'
import type { CacheHandle } from '~/cache-control'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['privacy'], hydrate: false, cache: 'public' } satisfies I18nHandle & CacheHandle

export const meta: MetaFunction<typeof loader> = pageTitle

// The retention shown is the one the purge job applies, read from the same setting.
export async function loader({ request }: LoaderFunctionArgs) {
  const [t, commentDays] = await Promise.all([getFixedT(request, 'privacy'), getCommentRetentionDays()])
  return { title: t('metaTitle'), commentDays, timingDays: SUBMITTED_AT_RETENTION_DAYS }
}

export default function PrivacyPage() {
  const { commentDays, timingDays } = useLoaderData<typeof loader>()
  const { t } = useTranslation('privacy')
  return (
    <article>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>

      <h2>{t('controller.title')}</h2>
      <p>{t('controller.body')}</p>

      <h2>{t('collected.title')}</h2>
      <ul>
        <li>{t('collected.answers')}</li>
        <li>{t('collected.comments')}</li>
        <li>{t('collected.timing')}</li>
        <li>{t('collected.kiosk')}</li>
      </ul>

      <h2>{t('notCollected.title')}</h2>
      <p>{t('notCollected.body')}</p>

      <h2>{t('purpose.title')}</h2>
      <p>{t('purpose.body')}</p>

      <h2>{t('retention.title')}</h2>
      <ul>
        <li>{t('retention.comments', { days: commentDays })}</li>
        <li>{t('retention.timing', { days: timingDays })}</li>
        <li>{t('retention.answers')}</li>
      </ul>

      <h2>{t('access.title')}</h2>
      <p>{t('access.results')}</p>
      <p>{t('access.comments')}</p>

      <h2>{t('staff.title')}</h2>
      <p>{t('staff.body')}</p>

      <h2>{t('cookies.title')}</h2>
      <p>{t('cookies.body')}</p>

      <h2>{t('rights.title')}</h2>
      <p>{t('rights.body')}</p>
    </article>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
