import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { CacheHandle } from '~/cache-control'
import { formatNumber } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { getPlatformStats } from '~/units/stats.server'
import { pageTitle } from '~/ui/page-title'

// A public page a citizen may open on a slow phone: plain HTML, no JavaScript (ADR 011).
export const handle = { hydrate: false, cache: 'public' } satisfies I18nHandle & CacheHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, locale, stats] = await Promise.all([getFixedT(request), getLanguage(request), getPlatformStats()])
  return { title: t('home.metaTitle'), locale, stats }
}

const SECTIONS = [
  { key: 'survey', href: null },
  { key: 'rankings', href: '/rankings' },
  { key: 'openData', href: '/open-data' },
  { key: 'feedback', href: '/feedback' },
  { key: 'staff', href: '/login' },
  { key: 'privacy', href: '/privacy' },
] as const

export default function Home() {
  const { locale, stats } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <p>
        {t('home.stats', {
          provinces: formatNumber(stats.provinces, locale),
          servicePoints: formatNumber(stats.servicePoints, locale),
          responses: formatNumber(stats.responses, locale),
        })}
      </p>
      <ul className="cards">
        {SECTIONS.map(({ key, href }) => (
          <li className="card" key={key}>
            <h2>{href ? <a href={href}>{t(`home.sections.${key}.title`)}</a> : t(`home.sections.${key}.title`)}</h2>
            <p>{t(`home.sections.${key}.body`)}</p>
            {key === 'survey' ? (
              <Form method="get" action="/s">
                <div className="field">
                  <label htmlFor="service-point-code">{t('home.servicePointCode')}</label>
                  <input id="service-point-code" name="code" autoComplete="off" autoCapitalize="characters" required />
                </div>
                <button type="submit">{t('home.openSurvey')}</button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  )
}
