import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { aggregationSettings } from '~/aggregation/figures.server'
import { RESPONSE_BASES, parseResponseBasis } from '~/aggregation/response-basis'
import { formatDecimal, formatPercent, isoDate } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import {
  getElementBreakdown,
  getIndexStandings,
  getParIndexContribution,
  getProvince,
  getSipasTrend,
  yearsInForce,
} from '~/ranking/province-profile.server'
import { MIN_RANKING_YEAR, MAX_RANKING_YEAR } from '~/ranking/ranking-query'
import { defaultRankingYear, rankingYears } from '~/ranking/rankings.server'
import { FilterSelect, optionsOf } from '~/ui/filter-select'
import type { CacheHandle } from '~/cache-control'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { pageTitle } from '~/ui/page-title'
import { ProvinceElements } from './province-elements'
import { ProvinceStandings } from './province-standings'
import { ProvinceTrend } from './province-trend'

export const handle = { i18n: ['rankings'], hydrate: false, cache: 'public' } satisfies I18nHandle & CacheHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request, params }: LoaderFunctionArgs) {
  const province = await getProvince(params.provinceId ?? '')
  if (!province) throw new Response(null, { status: 404 })
  const search = new URL(request.url).searchParams
  const yearText = search.get('year')
  const asked = yearText ? Number(yearText) : null
  if (asked !== null && (!Number.isInteger(asked) || asked < MIN_RANKING_YEAR || asked > MAX_RANKING_YEAR)) {
    throw new Response(null, { status: 400 })
  }
  const responsesText = search.get('responses') || null
  const askedBasis = parseResponseBasis(responsesText)
  if (responsesText !== null && askedBasis === null) throw new Response(null, { status: 400 })
  const { lastYear } = yearsInForce(province)
  const [allYears, settings, t, locale] = await Promise.all([
    rankingYears(),
    aggregationSettings(),
    getFixedT(request, 'rankings'),
    getLanguage(request),
  ])
  const years = allYears.filter((year) => lastYear === null || year <= lastYear)
  const year = asked ?? defaultRankingYear(years)
  const basis = { minN: settings.minN, responses: askedBasis ?? settings.responses }
  const [standings, trend, breakdown] = await Promise.all([
    getIndexStandings(province.id, year, askedBasis ?? undefined),
    getSipasTrend(province, years, basis),
    getElementBreakdown(province, year, basis),
  ])
  const contribution = await getParIndexContribution(breakdown?.sipas ?? null, year)
  return {
    title: t('province.metaTitle', { name: province.name, year }),
    locale,
    year,
    years,
    responses: basis.responses,
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
  const data = useLoaderData<typeof loader>()
  const { locale, year, years, responses, province, breakdown, contribution } = data
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
          options={optionsOf([...new Set([...years, year])].sort((a, b) => b - a))}
        />
        <FilterSelect
          id="province-responses"
          name="responses"
          label={t('form.responses')}
          value={responses}
          options={optionsOf(RESPONSE_BASES, (basis) => t(`responses.${basis}`))}
          hint={t('form.responsesHint')}
        />
        <button type="submit">{t('form.show')}</button>
      </Form>

      <ProvinceStandings data={data} />

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

      <ProvinceTrend data={data} />

      <ProvinceElements data={data} />
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

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
