import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { CacheHandle } from '~/cache-control'
import { formatDate, formatNumber } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { listReleases, type ListedRelease } from '~/open-data/releases.server'
import { DataTable } from '~/ui/data-table'
import { pageTitle } from '~/ui/page-title'
import { ReleaseChanges } from '~/open-data/release-changes'

// Public, plain HTML (ADR 011): the releases and their files, every file a plain download link.
export const handle = { i18n: ['open-data'], hydrate: false, cache: 'public' } satisfies I18nHandle & CacheHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const [periods, t, locale] = await Promise.all([listReleases(), getFixedT(request, 'open-data'), getLanguage(request)])
  return { title: t('page.metaTitle'), locale, periods }
}

export default function OpenDataPage() {
  const { locale, periods } = useLoaderData<typeof loader>()
  const { t } = useTranslation('open-data')
  return (
    <>
      <h1>{t('page.title')}</h1>
      <p className="lead">{t('page.lead')}</p>
      <p>{t('page.licence')}</p>
      <p>{t('page.never')}</p>
      <p>{t('page.immutable')}</p>
      <p>{t('page.verify')}</p>
      {periods.length === 0 ? <p className="notice">{t('page.empty')}</p> : null}
      {periods.map((group) => (
        <section key={group.period} aria-labelledby={`period-${group.period}`}>
          <h2 id={`period-${group.period}`}>{group.label[locale]}</h2>
          {group.releases.map((release) => (
            <Release key={release.version} release={release} periodLabel={group.label[locale]} />
          ))}
        </section>
      ))}
    </>
  )
}

function Release({ release, periodLabel }: { release: ListedRelease; periodLabel: string }) {
  const { locale } = useLoaderData<typeof loader>()
  const { t } = useTranslation('open-data')
  const notes = locale === 'en' ? release.notes.en : release.notes.vi
  const href = (name: string) => `/open-data/${release.period}/v${release.version}/${name}`
  return (
    <article className="open-data-release">
      <h3>{t('release.heading', { version: release.version })}</h3>
      <p>
        {t('release.published', { date: formatDate(release.publishedAt, locale, 'long') })}{' '}
        {release.correctsVersion !== null ? t('release.corrects', { version: release.correctsVersion }) : null}{' '}
        {t('release.methodology', { codes: release.methodologyCodes.join(', ') })}
      </p>
      {notes ? <p>{t('release.notes', { notes })}</p> : null}
      {release.changes && release.correctsVersion !== null ? (
        <ReleaseChanges changes={release.changes} correctsVersion={release.correctsVersion} />
      ) : null}
      <DataTable
        caption={t('release.filesCaption', { period: periodLabel, version: release.version })}
        columns={[{ label: t('release.file') }, { label: t('release.size'), numeric: true }, { label: t('release.sha256') }]}
        rows={release.files.map((file) => ({
          key: file.name,
          cells: [
            <a key="link" href={href(file.name)}>
              {file.name}
            </a>,
            t('release.bytes', { size: formatNumber(file.bytes, locale) }),
            <code key="sha" className="checksum">
              {file.sha256}
            </code>,
          ],
        }))}
      />
    </article>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
