import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { aggregationSettings } from '~/aggregation/figures.server'
import { requireCapability } from '~/auth/permissions.server'
import { canReadNationally } from '~/auth/policy'
import { getMinistryOverview } from '~/dashboard/ministry-overview.server'
import { verifiedShare } from '~/aggregation/response-basis'
import { MISSING, formatChange, formatNumber, formatPercent, formatRankChange } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { MAX_RANKING_YEAR, MIN_RANKING_YEAR } from '~/ranking/ranking-query'
import { RankingResults } from '~/ranking/ranking-results'
import { defaultRankingYear, rankingYears } from '~/ranking/rankings.server'
import { Histogram } from '~/ui/charts/histogram'
import { histogramBins } from '~/ui/charts/scale'
import { YearFilterForm } from '~/ui/filter-select'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { DataTable } from '~/ui/data-table'
import { pageTitle } from '~/ui/page-title'
import { listCampaignsToFollow } from '~/sampling/plans.server'
import { vietnamDay } from '~/responses/vietnam-time'

export const handle = { i18n: ['dashboard', 'rankings', 'sampling'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

/** Width of a histogram bin, in percentage points. */
const BIN_WIDTH = 2.5

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, canReadNationally)
  const yearText = new URL(request.url).searchParams.get('year')
  const asked = yearText ? Number(yearText) : null
  if (asked !== null && (!Number.isInteger(asked) || asked < MIN_RANKING_YEAR || asked > MAX_RANKING_YEAR)) {
    throw new Response(null, { status: 400 })
  }
  const [years, settings, t, locale] = await Promise.all([
    rankingYears(),
    aggregationSettings(),
    getFixedT(request, 'dashboard'),
    getLanguage(request),
  ])
  const year = asked ?? defaultRankingYear(years)
  const [overview, campaigns] = await Promise.all([
    getMinistryOverview(year, settings.minN),
    listCampaignsToFollow({}, new Date(`${vietnamDay(new Date())}T00:00:00Z`)),
  ])
  const scores = overview.ranking.rows.flatMap((row) =>
    row.status === 'ranked' && row.score !== null ? [row.score] : []
  )
  const start = scores.length ? Math.min(Math.floor(Math.min(...scores) / BIN_WIDTH) * BIN_WIDTH, 100 - BIN_WIDTH) : 0
  return {
    title: t('ministry.metaTitle', { year }),
    locale,
    year,
    years: [...new Set([...years, year])].sort((a, b) => b - a),
    overview,
    bins: scores.length ? histogramBins(scores, start, 100, BIN_WIDTH) : [],
    campaigns,
  }
}

export default function MinistryOverview() {
  const { locale, year, years, overview, bins, campaigns } = useLoaderData<typeof loader>()
  const { t } = useTranslation('dashboard')
  const { t: ts } = useTranslation('sampling')
  const { t: tr } = useTranslation('rankings')
  const percent = (value: number | null) => formatPercent(value, locale)
  const change = (now: number | null, before: number | null) =>
    now === null || before === null ? MISSING : formatChange(now - before, locale)
  const { national, ranking } = overview

  return (
    <>
      <h1>{t('ministry.title', { year })}</h1>
      <p>
        <a href="/cases/performance">{t('ministry.responseTimesLink')}</a>
      </p>
      <YearFilterForm
        id="ministry-year"
        label={t('ministry.year')}
        submitLabel={t('agency.show')}
        year={year}
        years={years}
      />

      <h2>{t('ministry.nationalTitle')}</h2>
      <p className="headline-figure">
        {t('ministry.nationalLine', {
          sipas: percent(national.sipas),
          provinces: formatNumber(national.provinces, locale),
          respondents: formatNumber(national.respondents, locale),
        })}
      </p>
      <p className="hint">{t('ministry.nationalHint')}</p>
      {national.excluded > 0 ? (
        <p className="hint">{t('agency.excluded', { excluded: formatNumber(national.excluded, locale) })}</p>
      ) : null}
      {national.respondents > 0 ? (
        <p className="hint">
          {t('agency.verifiedShare', {
            n: formatNumber(national.respondents, locale),
            share: formatPercent(verifiedShare(national.verified, national.respondents), locale, 0),
          })}
        </p>
      ) : null}

      <DataTable
        caption={t('ministry.figuresCaption', { year })}
        columns={[
          { label: t('ministry.figure') },
          { label: year, numeric: true },
          { label: year - 1, numeric: true },
          { label: t('ministry.change'), numeric: true },
        ]}
        rows={[
          {
            key: 'sipas',
            cells: [
              'SIPAS',
              percent(national.sipas),
              percent(national.previous),
              change(national.sipas, national.previous),
            ],
          },
          ...overview.aspects.map((aspect) => ({
            key: `aspect-${aspect.code}`,
            cells: [
              aspect.name[locale],
              percent(aspect.value),
              percent(aspect.previous),
              change(aspect.value, aspect.previous),
            ],
          })),
          ...overview.elements.map((element) => ({
            key: `element-${element.code}`,
            headerClassName: 'item-text',
            cells: [
              element.name[locale],
              percent(element.value),
              percent(element.previous),
              change(element.value, element.previous),
            ],
          })),
        ]}
      />
      {overview.seriesBreak ? <p className="hint">{t('ministry.seriesBreak')}</p> : null}
      {national.previousProvinces !== national.provinces && national.previous !== null ? (
        <p className="hint">
          {t('ministry.provinceCountChanged', { before: national.previousProvinces, now: national.provinces })}
        </p>
      ) : null}

      <h2>{t('ministry.changedTitle', { year: year - 1 })}</h2>
      {ranking.baseline === null ? (
        <p>{t('ministry.noComparison')}</p>
      ) : (
        <>
          {ranking.baseline === 'pro-forma' ? (
            <p className="hint">{tr('notes.proForma', { year: year - 1, outOf: ranking.previousOutOf ?? 0 })}</p>
          ) : null}
          <div className="movers">
            <Movers id="risers" title={t('ministry.risers')} rows={overview.risers} />
            <Movers id="fallers" title={t('ministry.fallers')} rows={overview.fallers} />
          </div>
        </>
      )}

      <h2>{t('ministry.distributionTitle')}</h2>
      {bins.length === 0 ? (
        <p>{tr('page.empty')}</p>
      ) : (
        <>
          <Histogram
            id="ministry-distribution"
            title={t('ministry.distributionSvgTitle', { year })}
            description={t('ministry.distributionSvgDescription')}
            bins={bins}
            formatBound={(value) => formatNumber(value, locale)}
          />
          <DataTable
            caption={t('ministry.distributionSvgTitle', { year })}
            columns={[{ label: t('ministry.band') }, { label: t('ministry.provinces'), numeric: true }]}
            rows={bins.map((bin) => ({
              key: bin.from,
              cells: [t('ministry.bandRange', { from: percent(bin.from), to: percent(bin.to) }), bin.count],
            }))}
          />
        </>
      )}

      <h2>{t('ministry.provincesTitle')}</h2>
      {ranking.rows.every((row) => row.status === 'noData') ? (
        <p>{tr('page.empty')}</p>
      ) : (
        <RankingResults
          ranking={ranking}
          caption={tr('page.caption', { index: tr('indices.SIPAS'), year, group: tr('peerGroups.provinces') })}
          locale={locale}
          unitHref={(row) => `/provinces/${row.unitId}?year=${year}`}
        />
      )}
      <h2>{ts('links.title')}</h2>
      {campaigns.length === 0 ? (
        <p>{ts('links.none')}</p>
      ) : (
        <ul>
          {campaigns.map((campaign) => (
            <li key={campaign.id}>
              <a href={`/campaigns/${campaign.id}/progress`}>{locale === 'en' ? campaign.nameEn : campaign.name}</a> (
              {campaign.startsOn} – {campaign.endsOn})
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/dashboard">{t('ministry.agencyDashboards')}</a> ·{' '}
        <a href="/admin/snapshots">{t('ministry.snapshots')}</a>
      </p>
    </>
  )
}

/** The provinces that rose (or fell) most in the ranking since last year. */
function Movers({
  id,
  title,
  rows,
}: {
  id: string
  title: string
  rows: ReturnType<typeof useLoaderData<typeof loader>>['overview']['risers']
}) {
  const { locale, year, overview } = useLoaderData<typeof loader>()
  const { t } = useTranslation('dashboard')
  const { t: tr } = useTranslation('rankings')
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {rows.length === 0 ? (
        <p>{t('ministry.noMovers')}</p>
      ) : (
        <ul>
          {rows.map((row) => (
            <li key={row.unitId}>
              <a href={`/provinces/${row.unitId}?year=${year}`}>{locale === 'en' ? row.nameEn : row.name}</a>:{' '}
              {formatRankChange(row.change, locale)} (
              {tr('table.rankOf', { rank: row.rank, outOf: overview.ranking.outOf })})
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
