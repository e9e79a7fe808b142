import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getCaseSettings } from '~/cases/settings.server'
import { getFixedT } from '~/i18n/i18next.server'
import { getCommentRetentionDays, SUBMITTED_AT_RETENTION_DAYS } from '~/responses/retention.server'
import { pageTitle } from '~/ui/page-title'
import type { CacheHandle } from '~/cache-control'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['privacy'], hydrate: false, cache: 'public' } satisfies I18nHandle & CacheHandle

export const meta: MetaFunction<typeof loader> = pageTitle

// The retention shown is the one the purge job applies, read from the same setting.
export async function loader({ request }: LoaderFunctionArgs) {
  const [t, commentDays, cases] = await Promise.all([getFixedT(request, 'privacy'), getCommentRetentionDays(), getCaseSettings()])
  return { title: t('metaTitle'), commentDays, timingDays: SUBMITTED_AT_RETENTION_DAYS, contactDays: cases.contactRetentionDays }
}

export default function PrivacyPage() {
  const { commentDays, timingDays, contactDays } = useLoaderData<typeof loader>()
  const { t } = useTranslation('privacy')
  return (
    <article>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>

      <Part title={t('controller.title')} paragraphs={[t('controller.body')]} />
      <Part
        title={t('collected.title')}
        list={[t('collected.answers'), t('collected.comments'), t('collected.timing'), t('collected.kiosk'), t('collected.contact')]}
      />
      <Part title={t('notCollected.title')} paragraphs={[t('notCollected.body')]} />
      <Part title={t('purpose.title')} paragraphs={[t('purpose.body')]} />
      <Part
        title={t('retention.title')}
        list={[
          t('retention.comments', { days: commentDays }),
          t('retention.timing', { days: timingDays }),
          t('retention.contacts', { days: contactDays }),
          t('retention.answers'),
        ]}
      />
      <Part title={t('access.title')} paragraphs={[t('access.results'), t('access.comments'), t('access.contacts')]} />
      <Part title={t('staff.title')} paragraphs={[t('staff.body')]} />
      <Part title={t('cookies.title')} paragraphs={[t('cookies.body')]} />
      <Part title={t('rights.title')} paragraphs={[t('rights.body')]} />
    </article>
  )
}

/** One part of the notice: its heading, then its text as paragraphs or, for an enumeration, a list. */
function Part({ title, paragraphs = [], list }: { title: string; paragraphs?: string[]; list?: string[] }) {
  return (
    <>
      <h2>{title}</h2>
      {paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {list ? (
        <ul>
          {list.map((entry) => (
            <li key={entry}>{entry}</li>
          ))}
        </ul>
      ) : null}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
