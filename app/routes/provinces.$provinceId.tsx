import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { aggregationSettings } from '~/aggregation/figures.server'
import type { Language } from '~/i18n/config'
import { formatDecimal, formatNumber, formatPercent, formatRankChange } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { formatInterval, formatScore } from '~/ranking/format-score'
import {
  type IndexStanding,
  getElementBreakdown,
  getIndexStandings,
  getParIndexContribution,
  getProvince,
  getSipasTrend,
  yearsInForce,
} from '~/ranking/province-profile.server'
import { MIN_RANKING_YEAR, MAX_RANKING_YEAR } from '~/ranking/ranking-query'
import { defaultRankingYear, rankingYears } from '~/ranking/rankings.server'
import { IntervalBarChart } from '~/ui/charts/interval-bar-chart'
import { TrendChart } from '~/ui/charts/trend-chart'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { TableScroll } from '~/ui/table-scroll'

export const handle = { i18n: ['rankings'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const province = await getProvince(params.provinceId ?? '')
  if (!province) throw new Response(null, { status: 404 })
  const yearText = new URL(request.url).searchParams.get('year')
  const asked = yearText ? Number(yearText) : null
  if (asked !== null && (!Number.isInteger(asked) || asked < MIN_RANKING_YEAR || asked > MAX_RANKING_YEAR)) {
    throw new Response(null, { status: 400 })
  }
  const { lastYear } = yearsInForce(province)
  const [allYears, settings, t, locale] = await Promise.all([
    rankingYears(),
    aggregationSettings(),
    getFixedT(request, 'rankings'),
    getLanguage(request),
  ])
  const years = allYears.filter((year) => lastYear === null || year <= lastYear)
  const year = asked ?? defaultRankingYear(years)
  const [standings, trend, breakdown] = await Promise.all([
    getIndexStandings(province.id, year),
    getSipasTrend(province, years, settings.minN),
    getElementBreakdown(province, year, settings.minN),
  ])
  const contribution = await getParIndexContribution(breakdown?.sipas ?? null, year)
  return {
    title: t('province.metaTitle', { name: province.name, year }),
    locale,
    year,
    years,
    province: {
      id: province.id,
      name: province.name,
      validFrom: province.validFrom?.toISOString().slice(0, 10) ?? null,
      validTo: province.validTo?.toISOString().slice(0, 10) ?? null,
      successors: province.successors.map((link) => link.successor),
      predecessors: province.predecessors.map((link) => link.predecessor).filter((unit) => unit.id !== province.id),
    },
    standings,
    trend,
    breakdown,
    contribution,
    minN: settings.minN,
  }
}

export default function ProvincePage() {
  const { locale, year, years, province, standings, trend, breakdown, contribution, minN } = useLoaderData<typeof loader>()
  const { t } = useTranslation('rankings')
  const percent = (value: number) => formatPercent(value, locale)
  return (
    <>
      <h1>{province.name}</h1>
      {province.successors.length > 0 ? (
        <p className="notice">
          {t('province.mergedInto', { date: province.validTo ?? '' })}{' '}
          {province.successors.map((successor, index) => (
            <span key={successor.id}>
              {index > 0 ? ', ' : ''}
              <a href={`/provinces/${successor.id}`}>{successor.name}</a>
            </span>
          ))}
        </p>
      ) : null}
      {province.predecessors.length > 0 ? (
        <p>
          {t('province.formedFrom', { date: province.validFrom ?? '' })}{' '}
          {province.predecessors.map((predecessor, index) => (
            <span key={predecessor.id}>
              {index > 0 ? ', ' : ''}
              <a href={`/provinces/${predecessor.id}`}>{predecessor.name}</a>
            </span>
          ))}
        </p>
      ) : null}

      <Form method="get" className="filter-form">
        <div className="field">
          <label htmlFor="province-year">{t('form.year')}</label>
          <select id="province-year" name="year" defaultValue={year}>
            {[...new Set([...years, year])].sort((a, b) => b - a).map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('form.show')}</button>
      </Form>

      <h2>{t('province.indicesTitle', { year })}</h2>
      {standings.length === 0 ? (
        <p>{t('province.noIndices')}</p>
      ) : (
        <>
          <p className="standings-line">{standings.map((standing) => standingText(standing, t, locale)).join(' · ')}</p>
          <TableScroll label={t('province.indicesCaption', { name: province.name, year })}>
            <table>
              <caption>{t('province.indicesCaption', { name: province.name, year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.index')}</th>
                  <th scope="col" className="num">
                    {t('table.score')}
                  </th>
                  <th scope="col" className="num">
                    {t('table.rank')}
                  </th>
                  <th scope="col">{t('table.change')}</th>
                  <th scope="col">{t('table.status')}</th>
                </tr>
              </thead>
              <tbody>
                {standings.map((standing) => (
                  <tr key={standing.index}>
                    <th scope="row">
                      <a href={`/rankings?year=${year}&index=${standing.index}`}>{t(`indices.${standing.index}`)}</a>
                    </th>
                    <td className="num">
                      {standing.status === 'ranked'
                        ? formatScore(standing.score, standing.index, locale)
                        : standing.status === 'insufficientSample'
                          ? t('table.insufficientSample')
                          : t('table.noData')}
                    </td>
                    <td className="num">{standing.rank === null ? '—' : t('table.rankOf', { rank: standing.rank, outOf: standing.outOf })}</td>
                    <td>
                      {standing.change === 'reorganised'
                        ? t('table.reorganised')
                        : formatRankChange(standing.change, locale) +
                          (standing.baseline === 'pro-forma' && standing.change !== null ? ` ${t('province.proFormaMark')}` : '')}
                    </td>
                    <td>{standing.provisional ? t('status.provisionalTitle') : t('status.frozenTitle')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {standings
            .filter((standing) => standing.baseline === 'pro-forma' && standing.change !== null)
            .map((standing) => (
              <p key={standing.index} className="hint">
                {t(`indices.${standing.index}`)}: {t('notes.proForma', { year: year - 1, outOf: standing.previousOutOf ?? 0 })}
              </p>
            ))}
        </>
      )}

      <h2>{t('province.contributionTitle')}</h2>
      {!contribution.configured ? (
        <p>{t('province.contributionUnset', { year })}</p>
      ) : contribution.points === null || !breakdown?.sipas ? (
        <p>{t('province.contributionNoSipas')}</p>
      ) : (
        <p>
          {t('province.contribution', {
            sipas: percent(breakdown.sipas),
            max: formatDecimal(contribution.maxPoints, locale),
            points: formatDecimal(contribution.points, locale),
          })}
        </p>
      )}

      <h2>{t('province.trendTitle')}</h2>
      {trend.length === 0 ? (
        <p>{t('page.empty')}</p>
      ) : (
        <>
          <TrendChart
            id="province-trend"
            title={t('province.trendSvgTitle', { name: province.name })}
            description={t('province.trendSvgDescription')}
            labels={trend.map((point) => String(point.year))}
            series={[
              { key: 'province', name: province.name, values: trend.map((point) => point.sipas) },
              { key: 'national', name: t('province.national'), values: trend.map((point) => point.national) },
            ]}
            format={percent}
          />
          <TableScroll label={t('province.trendCaption', { name: province.name })}>
            <table>
              <caption>{t('province.trendCaption', { name: province.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('form.year')}</th>
                  <th scope="col" className="num">
                    {t('indices.SIPAS')}
                  </th>
                  <th scope="col" className="num">
                    {t('table.n')}
                  </th>
                  <th scope="col" className="num">
                    {t('province.national')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {trend.map((point) => (
                  <tr key={point.year}>
                    <th scope="row">
                      {point.year}
                      {point.proForma ? ` ${t('province.proFormaMark')}` : ''}
                    </th>
                    <td className="num">
                      {point.sipas !== null ? percent(point.sipas) : point.n > 0 ? t('table.insufficientSample') : t('table.noData')}
                    </td>
                    <td className="num">{formatNumber(point.n, locale)}</td>
                    <td className="num">{point.national === null ? '—' : percent(point.national)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {trend.some((point) => point.proForma) ? <p className="hint">{t('province.proFormaTrend')}</p> : null}
        </>
      )}

      <h2>{t('province.elementsTitle', { year })}</h2>
      {breakdown === null ? (
        <p>{t('page.empty')}</p>
      ) : breakdown.suppressed ? (
        <p>{t('province.suppressed', { n: formatNumber(breakdown.n, locale), minN })}</p>
      ) : (
        <>
          <p>
            {t('province.sipasLine', {
              sipas: breakdown.sipas === null ? '—' : percent(breakdown.sipas),
              interval: formatInterval(breakdown.low, breakdown.high, 'SIPAS', locale),
              n: formatNumber(breakdown.n, locale),
              national: breakdown.nationalSipas === null ? '—' : percent(breakdown.nationalSipas),
            })}
            {breakdown.proForma ? ` ${t('province.proFormaMark')}` : ''}
          </p>
          <TableScroll label={t('province.elementsCaption', { name: province.name, year })}>
            <table>
              <caption>{t('province.elementsCaption', { name: province.name, year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.element')}</th>
                  <th scope="col" className="num">
                    {t('table.score')}
                  </th>
                  <th scope="col" className="num">
                    {t('table.interval')}
                  </th>
                  <th scope="col" className="num">
                    {t('province.national')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {breakdown.elements.map((element) => (
                  <tr key={element.code}>
                    <th scope="row">{element.name[locale]}</th>
                    <td className="num">{element.value === null ? '—' : percent(element.value)}</td>
                    <td className="num">{formatInterval(element.low, element.high, 'SIPAS', locale)}</td>
                    <td className="num">{element.national === null ? '—' : percent(element.national)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <IntervalBarChart
            id="province-elements"
            title={t('province.elementsCaption', { name: province.name, year })}
            description={t('province.elementsSvgDescription')}
            format={percent}
            bars={breakdown.elements.map((element) => ({
              key: element.code,
              label: element.name[locale],
              value: element.value,
              low: element.low,
              high: element.high,
            }))}
          />
        </>
      )}
    </>
  )
}

/** "SIPAS 11/34 (+13)": an index, the rank out of the ranked units, and the change. */
function standingText(standing: IndexStanding, t: (key: string, values?: Record<string, unknown>) => string, locale: Language) {
  const name = t(`indices.${standing.index}`)
  if (standing.rank === null) return t('province.standingUnranked', { index: name })
  const change =
    standing.change === null
      ? ''
      : standing.change === 'reorganised'
        ? t('table.reorganised')
        : new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { signDisplay: 'exceptZero' }).format(standing.change)
  return change
    ? t('province.standingWithChange', { index: name, rank: standing.rank, outOf: standing.outOf, change })
    : t('province.standing', { index: name, rank: standing.rank, outOf: standing.outOf })
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
