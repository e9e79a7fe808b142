import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { officialResponseBasis } from '~/aggregation/official-basis.server'
import { RESPONSE_BASES } from '~/aggregation/response-basis'
import { formatNumber } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { formatScore } from '~/ranking/format-score'
import { INDICES, PEER_GROUPS, SCORE_RANGE, indexAppliesTo, isInnerPeerGroup } from '~/ranking/indices'
import { listCurrentProvinces } from '~/ranking/peer-units.server'
import { parseRankingSearch } from '~/ranking/ranking-query'
import { RankingResults } from '~/ranking/ranking-results'
import { defaultRankingYear, getRanking, rankingYears } from '~/ranking/rankings.server'
import { IntervalBarChart } from '~/ui/charts/interval-bar-chart'
import { FilterSelect, optionsOf } from '~/ui/filter-select'
import { pageTitle } from '~/ui/page-title'
import type { CacheHandle } from '~/cache-control'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['rankings'], hydrate: false, cache: 'public' } satisfies I18nHandle & CacheHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseRankingSearch(new URL(request.url).searchParams)
  if (!parsed.success) throw new Response(null, { status: 400 })
  const [years, provinces, official, t, locale] = await Promise.all([
    rankingYears(),
    listCurrentProvinces(),
    officialResponseBasis(),
    getFixedT(request, 'rankings'),
    getLanguage(request),
  ])
  const year = parsed.data.year ?? defaultRankingYear(years)
  const index = parsed.data.index ?? 'SIPAS'
  const peerGroup = parsed.data.group ?? 'provinces'
  const inner = isInnerPeerGroup(peerGroup)
  const province = inner ? provinces.find((candidate) => candidate.id === parsed.data.province) ?? null : null
  if (inner && parsed.data.province && !province) throw new Response(null, { status: 404 })
  const ranking =
    inner && !province ? null : await getRanking({ year, index, peerGroup, provinceId: province?.id ?? null, responses: parsed.data.responses })
  // Without a choice, the official basis, or the one a frozen ranking was made on.
  const responses = ranking?.responses ?? parsed.data.responses ?? official
  const yearChoices = [...new Set([...years, year, new Date().getUTCFullYear()])].sort((a, b) => b - a)
  return {
    title: t('page.metaTitle', { year }),
    locale,
    years: yearChoices,
    provinces,
    query: { year, index, peerGroup, provinceId: province?.id ?? '', responses },
    provinceName: province?.name ?? null,
    applies: indexAppliesTo(index, peerGroup),
    ranking,
  }
}

export default function RankingsPage() {
  const { locale, years, provinces, query, provinceName, applies, ranking } = useLoaderData<typeof loader>()
  const { t } = useTranslation('rankings')
  const indexName = t(`indices.${query.index}`)
  const groupName = provinceName
    ? t('page.groupInProvince', { group: t(`peerGroups.${query.peerGroup}`), province: provinceName })
    : t(`peerGroups.${query.peerGroup}`)
  const caption = t('page.caption', { index: indexName, year: query.year, group: groupName })
  const ranked = ranking?.rows.filter((row) => row.status === 'ranked') ?? []
  const format = (value: number) => formatScore(value, query.index, locale)
  const indexOptions = optionsOf(INDICES, (index) => t(`indices.${index}`))
  const groupOptions = optionsOf(PEER_GROUPS, (group) => t(`peerGroups.${group}`))

  return (
    <>
      <h1>{t('page.title')}</h1>
      <p className="lead">{t('page.lead')}</p>
      <p>
        <a href="/open-data">{t('page.openData')}</a>
      </p>

      <Form method="get" className="filter-form">
        <RankingSelect name="year" value={query.year} options={optionsOf(years)} />
        <RankingSelect name="index" value={query.index} options={indexOptions} />
        <RankingSelect name="group" value={query.peerGroup} options={groupOptions} />
        <RankingSelect
          name="province"
          value={query.provinceId}
          options={[
            { value: '', label: t('form.noProvince') },
            ...provinces.map((province) => ({ value: province.id, label: province.name })),
          ]}
          hint={t('form.provinceHint')}
        />
        <RankingSelect
          name="responses"
          value={query.responses}
          options={optionsOf(RESPONSE_BASES, (basis) => t(`responses.${basis}`))}
          hint={t('form.responsesHint')}
        />
        <button type="submit">{t('form.show')}</button>
      </Form>

      {!applies ? (
        <p className="notice">
          {t('page.notApplicable', { index: indexName, group: t(`peerGroups.${query.peerGroup}`) })}
        </p>
      ) : ranking === null ? (
        <p className="notice">{t('page.chooseProvince')}</p>
      ) : ranking.rows.every((row) => row.status === 'noData') ? (
        <>
          <h2>{caption}</h2>
          <p className="notice">{t('page.empty')}</p>
        </>
      ) : (
        <>
          <h2>{caption}</h2>
          <Summary ranking={ranking} format={format} locale={locale} />
          <RankingResults
            ranking={ranking}
            caption={caption}
            locale={locale}
            unitHref={
              query.peerGroup === 'provinces'
                ? (row) => `/provinces/${row.unitId}?year=${query.year}&responses=${query.responses}`
                : undefined
            }
          />
          {ranked.length === 0 ? null : (
            <>
              <h2>{t('chart.title')}</h2>
              <IntervalBarChart
                id="ranking-chart"
                title={t('chart.svgTitle', { caption })}
                description={t('chart.svgDescription', {
                  units: ranked.length,
                  first: ranked[0]
                    ? `${locale === 'en' ? ranked[0].nameEn : ranked[0].name} ${format(ranked[0].score!)}`
                    : '',
                  last: ranked.at(-1)
                    ? `${locale === 'en' ? ranked.at(-1)!.nameEn : ranked.at(-1)!.name} ${format(
                        ranked.at(-1)!.score!
                      )}`
                    : '',
                })}
                max={SCORE_RANGE[query.index].max}
                format={format}
                bars={ranked.map((row) => ({
                  key: row.unitId,
                  label: locale === 'en' ? row.nameEn : row.name,
                  value: row.score,
                  low: row.low,
                  high: row.high,
                }))}
              />
            </>
          )}
        </>
      )}
    </>
  )
}

/** A select of the filter form: its id is `ranking-<name>` and its label `form.<name>`. */
function RankingSelect({
  name,
  ...select
}: Omit<Parameters<typeof FilterSelect>[0], 'id' | 'label'> & { name: 'year' | 'index' | 'group' | 'province' | 'responses' }) {
  const { t } = useTranslation('rankings')
  return <FilterSelect id={`ranking-${name}`} name={name} label={t(`form.${name}`)} {...select} />
}

function Summary({
  ranking,
  format,
  locale,
}: {
  ranking: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['ranking']>
  format: (value: number) => string
  locale: 'vi' | 'en'
}) {
  const { t } = useTranslation('rankings')
  const { summary } = ranking
  if (summary.mean === null || summary.min === null || summary.max === null) return null
  return (
    <div className="ranking-summary">
      <p>
        {t('summary.line', {
          units: formatNumber(summary.count, locale),
          mean: format(summary.mean),
          min: format(summary.min),
          max: format(summary.max),
        })}
      </p>
      {ranking.thresholds.length > 0 ? (
        <p>
          {t('summary.groups', {
            groups: ranking.thresholds
              .map((band) => t('summary.group', { group: band.group, n: summary.perGroup[band.group] ?? 0 }))
              .join('; '),
          })}
        </p>
      ) : null}
      {ranking.summary.cutoffs.length > 0 ? (
        <ul className="cutoffs">
          {ranking.summary.cutoffs.map((cutoff) => (
            <li key={cutoff.group}>
              {t('summary.cutoff', { min: format(cutoff.min), atOrAbove: cutoff.atOrAbove, below: cutoff.below })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
