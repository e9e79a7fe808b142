import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { aggregationSettings } from '~/aggregation/figures.server'
import type { Language } from '~/i18n/config'
import { formatDecimal, formatNumber, formatPercent, formatRankChange, formatSignedNumber, isoDate } from '~/i18n/format'
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
import { FilterSelect } from '~/ui/filter-select'
import type { CacheHandle } from '~/cache-control'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { DataTable } from '~/ui/data-table'
import { pageTitle } from '~/ui/page-title'

export const handle = { i18n: ['rankings'], hydrate: false, cache: 'public' } satisfies I18nHandle & CacheHandle

export const meta: MetaFunction<typeof loader> = pageTitle

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
      validFrom: province.validFrom ? isoDate(province.validFrom) : null,
      validTo: province.validTo ? isoDate(province.validTo) : null,
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
  const { locale, year, years, province, standings, trend, breakdown, contribution, minN } =
    useLoaderData<typeof loader>()
  const { t } = useTranslation('rankings')
  const percent = (value: number) => formatPercent(value, locale)
  return (
    <>
      <h1>{province.name}</h1>
      {province.successors.length > 0 ? (
        <p className="notice">
          {t('province.mergedInto', { date: province.validTo ?? '' })} <ProvinceLinks provinces={province.successors} />
        </p>
      ) : null}
      {province.predecessors.length > 0 ? (
        <p>
          {t('province.formedFrom', { date: province.validFrom ?? '' })}{' '}
          <ProvinceLinks provinces={province.predecessors} />
        </p>
      ) : null}

      <Form method="get" className="filter-form">
        <FilterSelect
          id="province-year"
          name="year"
          label={t('form.year')}
          value={year}
          options={[...new Set([...years, year])]
            .sort((a, b) => b - a)
            .map((option) => ({ value: option, label: String(option) }))}
        />
        <button type="submit">{t('form.show')}</button>
      </Form>

      <h2>{t('province.indicesTitle', { year })}</h2>
      {standings.length === 0 ? (
        <p>{t('province.noIndices')}</p>
      ) : (
        <>
          <p className="standings-line">{standings.map((standing) => standingText(standing, t, locale)).join(' · ')}</p>
          <DataTable
            caption={t('province.indicesCaption', { name: province.name, year })}
            columns={[
              { label: t('table.index') },
              { label: t('table.score'), numeric: true },
              { label: t('table.rank'), numeric: true },
              { label: t('table.change') },
              { label: t('table.status') },
            ]}
            rows={standings.map((standing) => ({
              key: standing.index,
              cells: [
                <a href={`/rankings?year=${year}&index=${standing.index}`}>{t(`indices.${standing.index}`)}</a>,
                standing.status === 'ranked'
                  ? formatScore(standing.score, standing.index, locale)
                  : standing.status === 'insufficientSample'
                  ? t('table.insufficientSample')
                  : t('table.noData'),
                standing.rank === null ? '—' : t('table.rankOf', { rank: standing.rank, outOf: standing.outOf }),
                standing.change === 'reorganised'
                  ? t('table.reorganised')
                  : formatRankChange(standing.change, locale) +
                    (standing.baseline === 'pro-forma' && standing.change !== null
                      ? ` ${t('province.proFormaMark')}`
                      : ''),
                standing.provisional ? t('status.provisionalTitle') : t('status.frozenTitle'),
              ],
            }))}
          />
          {standings
            .filter((standing) => standing.baseline === 'pro-forma' && standing.change !== null)
            .map((standing) => (
              <p key={standing.index} className="hint">
                {t(`indices.${standing.index}`)}:{' '}
                {t('notes.proForma', { year: year - 1, outOf: standing.previousOutOf ?? 0 })}
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
          <DataTable
            caption={t('province.trendCaption', { name: province.name })}
            columns={[
              { label: t('form.year') },
              { label: t('indices.SIPAS'), numeric: true },
              { label: t('table.n'), numeric: true },
              { label: t('province.national'), numeric: true },
            ]}
            rows={trend.map((point) => ({
              key: point.year,
              cells: [
                <>
                  {point.year}
                  {point.proForma ? ` ${t('province.proFormaMark')}` : ''}
                </>,
                point.sipas !== null
                  ? percent(point.sipas)
                  : point.n > 0
                  ? t('table.insufficientSample')
                  : t('table.noData'),
                formatNumber(point.n, locale),
                point.national === null ? '—' : percent(point.national),
              ],
            }))}
          />
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
          <DataTable
            caption={t('province.elementsCaption', { name: province.name, year })}
            columns={[
              { label: t('table.element') },
              { label: t('table.score'), numeric: true },
              { label: t('table.interval'), numeric: true },
              { label: t('province.national'), numeric: true },
            ]}
            rows={breakdown.elements.map((element) => ({
              key: element.code,
              cells: [
                element.name[locale],
                element.value === null ? '—' : percent(element.value),
                formatInterval(element.low, element.high, 'SIPAS', locale),
                element.national === null ? '—' : percent(element.national),
              ],
            }))}
          />
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

/** Links to other provinces' pages, separated by commas. */
function ProvinceLinks({ provinces }: { provinces: readonly { id: string; name: string }[] }) {
  return provinces.map((province, index) => (
    <span key={province.id}>
      {index > 0 ? ', ' : ''}
      <a href={`/provinces/${province.id}`}>{province.name}</a>
    </span>
  ))
}

/** "SIPAS 11/34 (+13)": an index, the rank out of the ranked units, and the change. */
function standingText(
  standing: IndexStanding,
  t: (key: string, values?: Record<string, unknown>) => string,
  locale: Language
) {
  const name = t(`indices.${standing.index}`)
  if (standing.rank === null) return t('province.standingUnranked', { index: name })
  const change =
    standing.change === null
      ? ''
      : standing.change === 'reorganised'
      ? t('table.reorganised')
      : formatSignedNumber(standing.change, locale)
  return change
    ? t('province.standingWithChange', { index: name, rank: standing.rank, outOf: standing.outOf, change })
    : t('province.standing', { index: name, rank: standing.rank, outOf: standing.outOf })
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
