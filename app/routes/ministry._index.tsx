import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { aggregationSettings } from '~/aggregation/figures.server'
import { requireRole } from '~/auth/permissions.server'
import { MINISTRY_ROLES } from '~/auth/roles'
import { getMinistryOverview } from '~/dashboard/ministry-overview.server'
import { MISSING, formatChange, formatNumber, formatPercent, formatRankChange } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { MAX_RANKING_YEAR, MIN_RANKING_YEAR } from '~/ranking/ranking-query'
import { RankingResults } from '~/ranking/ranking-results'
import { defaultRankingYear, rankingYears } from '~/ranking/rankings.server'
import { Histogram } from '~/ui/charts/histogram'
import { histogramBins } from '~/ui/charts/scale'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { TableScroll } from '~/ui/table-scroll'

export const handle = { i18n: ['dashboard', 'rankings'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

/** Width of a histogram bin, in percentage points. */
const BIN_WIDTH = 2.5

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, MINISTRY_ROLES)
  const yearText = new URL(request.url).searchParams.get('year')
  const asked = yearText ? Number(yearText) : null
  if (asked !== null && (!Number.isInteger(asked) || asked < MIN_RANKING_YEAR || asked > MAX_RANKING_YEAR)) {
    throw new Response(null, { status: 400 })
  }
  const [years, settings, t, locale] = await Promise.all([rankingYears(), aggregationSettings(), getFixedT(request, 'dashboard'), getLanguage(request)])
  const year = asked ?? defaultRankingYear(years)
  const overview = await getMinistryOverview(year, settings.minN)
  const scores = overview.ranking.rows.flatMap((row) => (row.status === 'ranked' && row.score !== null ? [row.score] : []))
  const start = scores.length ? Math.min(Math.floor(Math.min(...scores) / BIN_WIDTH) * BIN_WIDTH, 100 - BIN_WIDTH) : 0
  return {
    title: t('ministry.metaTitle', { year }),
    locale,
    year,
    years: [...new Set([...years, year])].sort((a, b) => b - a),
    overview,
    bins: scores.length ? histogramBins(scores, start, 100, BIN_WIDTH) : [],
  }
}

export default function MinistryOverview() {
  const { locale, year, years, overview, bins } = useLoaderData<typeof loader>()
  const { t } = useTranslation('dashboard')
  const { t: tr } = useTranslation('rankings')
  const percent = (value: number | null) => formatPercent(value, locale)
  const change = (now: number | null, before: number | null) => (now === null || before === null ? MISSING : formatChange(now - before, locale))
  const { national, ranking } = overview
  const nameOf = (row: { name: string; nameEn: string }) => (locale === 'en' ? row.nameEn : row.name)

  return (
    <>
      <h1>{t('ministry.title', { year })}</h1>
      <Form method="get" className="filter-form">
        <div className="field">
          <label htmlFor="ministry-year">{t('ministry.year')}</label>
          <select id="ministry-year" name="year" defaultValue={year}>
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('agency.show')}</button>
      </Form>

      <h2>{t('ministry.nationalTitle')}</h2>
      <p className="headline-figure">
        {t('ministry.nationalLine', {
          sipas: percent(national.sipas),
          provinces: formatNumber(national.provinces, locale),
          respondents: formatNumber(national.respondents, locale),
        })}
      </p>
      <p className="hint">{t('ministry.nationalHint')}</p>
      {national.excluded > 0 ? <p className="hint">{t('agency.excluded', { excluded: formatNumber(national.excluded, locale) })}</p> : null}

      <TableScroll label={t('ministry.figuresCaption', { year })}>
        <table>
          <caption>{t('ministry.figuresCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ministry.figure')}</th>
              <th scope="col" className="num">
                {year}
              </th>
              <th scope="col" className="num">
                {year - 1}
              </th>
              <th scope="col" className="num">
                {t('ministry.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">SIPAS</th>
              <td className="num">{percent(national.sipas)}</td>
              <td className="num">{percent(national.previous)}</td>
              <td className="num">{change(national.sipas, national.previous)}</td>
            </tr>
            {overview.aspects.map((aspect) => (
              <tr key={`aspect-${aspect.code}`}>
                <th scope="row">{aspect.name[locale]}</th>
                <td className="num">{percent(aspect.value)}</td>
                <td className="num">{percent(aspect.previous)}</td>
                <td className="num">{change(aspect.value, aspect.previous)}</td>
              </tr>
            ))}
            {overview.elements.map((element) => (
              <tr key={`element-${element.code}`}>
                <th scope="row" className="item-text">
                  {element.name[locale]}
                </th>
                <td className="num">{percent(element.value)}</td>
                <td className="num">{percent(element.previous)}</td>
                <td className="num">{change(element.value, element.previous)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {overview.seriesBreak ? <p className="hint">{t('ministry.seriesBreak')}</p> : null}
      {national.previousProvinces !== national.provinces && national.previous !== null ? (
        <p className="hint">{t('ministry.provinceCountChanged', { before: national.previousProvinces, now: national.provinces })}</p>
      ) : null}

      <h2>{t('ministry.changedTitle', { year: year - 1 })}</h2>
      {ranking.baseline === null ? (
        <p>{t('ministry.noComparison')}</p>
      ) : (
        <>
          {ranking.baseline === 'pro-forma' ? <p className="hint">{tr('notes.proForma', { year: year - 1, outOf: ranking.previousOutOf ?? 0 })}</p> : null}
          <div className="movers">
            <section aria-labelledby="risers-title">
              <h3 id="risers-title">{t('ministry.risers')}</h3>
              {overview.risers.length === 0 ? (
                <p>{t('ministry.noMovers')}</p>
              ) : (
                <ul>
                  {overview.risers.map((row) => (
                    <li key={row.unitId}>
                      <a href={`/provinces/${row.unitId}?year=${year}`}>{nameOf(row)}</a>: {formatRankChange(row.change, locale)} (
                      {tr('table.rankOf', { rank: row.rank, outOf: ranking.outOf })})
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="fallers-title">
              <h3 id="fallers-title">{t('ministry.fallers')}</h3>
              {overview.fallers.length === 0 ? (
                <p>{t('ministry.noMovers')}</p>
              ) : (
                <ul>
                  {overview.fallers.map((row) => (
                    <li key={row.unitId}>
                      <a href={`/provinces/${row.unitId}?year=${year}`}>{nameOf(row)}</a>: {formatRankChange(row.change, locale)} (
                      {tr('table.rankOf', { rank: row.rank, outOf: ranking.outOf })})
                    </li>
                  ))}
                </ul>
              )}
            </section>
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
          <TableScroll label={t('ministry.distributionSvgTitle', { year })}>
            <table>
              <caption>{t('ministry.distributionSvgTitle', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ministry.band')}</th>
                  <th scope="col" className="num">
                    {t('ministry.provinces')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {bins.map((bin) => (
                  <tr key={bin.from}>
                    <th scope="row">{t('ministry.bandRange', { from: percent(bin.from), to: percent(bin.to) })}</th>
                    <td className="num">{bin.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
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
      <p>
        <a href="/dashboard">{t('ministry.agencyDashboards')}</a> · <a href="/admin/snapshots">{t('ministry.snapshots')}</a>
      </p>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
