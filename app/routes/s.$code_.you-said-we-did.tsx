import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { CacheHandle } from '~/cache-control'
import { getPublicServicePoint, listPublicNotes } from '~/cases/public-notes.server'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { pageTitle } from '~/ui/page-title'

/*
 * A service point's "you said, we did" page: the replies and improvements its agency chose to
 * publish, newest first, withdrawn ones left out. Written by staff and scrubbed of phone and ID
 * numbers (app/cases/public-notes.ts): no personal data. The same for everyone, no JavaScript.
 */

export const handle = { i18n: ['feedback'], hydrate: false, cache: 'public' } satisfies I18nHandle & CacheHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request, params }: LoaderFunctionArgs) {
  const servicePoint = await getPublicServicePoint(params.code ?? '')
  if (!servicePoint) throw new Response(null, { status: 404 })
  const [notes, t, locale] = await Promise.all([listPublicNotes(servicePoint.id), getFixedT(request, 'feedback'), getLanguage(request)])
  const name = locale === 'en' ? servicePoint.nameEn : servicePoint.name
  return { title: t('youSaid.metaTitle', { name }), name, code: servicePoint.code, notes, locale }
}

export default function YouSaidWeDid() {
  const { name, code, notes, locale } = useLoaderData<typeof loader>()
  const { t } = useTranslation('feedback')
  return (
    <section className="you-said">
      <h1>{t('youSaid.title')}</h1>
      <p className="lead">{t('youSaid.lead', { name })}</p>
      {notes.length === 0 ? (
        <p>{t('youSaid.empty')}</p>
      ) : (
        <ol className="public-notes">
          {notes.map((note) => (
            <li key={note.id}>
              <article className="public-note" aria-labelledby={`note-${note.id}`}>
                <h2 id={`note-${note.id}`}>
                  {t(`youSaid.kinds.${note.kind === 'reply' ? 'reply' : 'improvement'}`)}
                  {' · '}
                  {t('youSaid.publishedOn', { date: formatDate(note.publishedAt, locale) })}
                </h2>
                {note.said ? (
                  <>
                    <h3>{t('youSaid.said')}</h3>
                    <p>{note.said}</p>
                  </>
                ) : null}
                <h3>{t('youSaid.did')}</h3>
                <p>{note.did}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href={`/s/${encodeURIComponent(code)}`}>{t('youSaid.survey')}</a>
      </p>
    </section>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
