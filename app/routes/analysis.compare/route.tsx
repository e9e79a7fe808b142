import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { aggregationSettings } from '~/aggregation/figures.server'
import { parseCompareSearch } from '~/analysis/peer-comparison'
import { getCompareUnits, listComparableUnits, loadPeerComparison } from '~/analysis/peer-comparison.server'
import { ANALYSIS_OUT_OF_SCOPE } from '~/auth/analysis-access.server'
import { canComparePeers, canReadNationally } from '~/auth/policy'
import { requireUser } from '~/auth/session.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { defaultRankingYear, rankingYears } from '~/ranking/rankings.server'
import { pageTitle } from '~/ui/page-title'
import { CompareForms } from './compare-forms'
import { CompareTables } from './compare-tables'

/*
 * Peer comparison (docs/decisions/030-analysis.md): two to six provinces, or agencies of one
 * province, side by side in a year — element figures with intervals, the index with its rank and
 * rank change (against the pro-forma baseline across the 2025 merger), the trend over the years
 * and the indices imported for provinces. GET forms choose the units, so no JavaScript is needed.
 * Who may compare what: canComparePeers (another province's agencies → 403, code
 * analysis.out_of_scope).
 */

export const handle = { i18n: ['improvement'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!canReadNationally(user) && user.role !== 'province_admin') throw outOfScope(await getFixedT(request, 'improvement'))
  const url = new URL(request.url)
  const [t, locale, years, settings] = await Promise.all([
    getFixedT(request, 'improvement'),
    getLanguage(request),
    rankingYears(),
    aggregationSettings(),
  ])
  const { search, error } = parseCompareSearch(url.searchParams)
  const year = search?.year ?? defaultRankingYear(years)
  const pickerProvince = search?.province ?? (user.role === 'province_admin' ? user.provinceId : null)
  const page = {
    title: t('compare.metaTitle'),
    locale,
    year,
    years: [...new Set([...years, year])].sort((a, b) => b - a),
    level: search?.level ?? 'province',
    chosen: search?.units ?? [],
    pickerProvince,
    nationally: canReadNationally(user),
    ownProvince: user.provinceId,
  }
  if (pickerProvince && !canComparePeers(user, { level: 'agency', provinceIds: [pickerProvince] })) throw outOfScope(t)
  const choices = await listComparableUnits(year, pickerProvince)
  if (error !== null || !search) return data({ ...page, choices, error: error ?? null, comparison: null }, { status: 400 })
  if (search.units.length === 0) return data({ ...page, choices, error: null, comparison: null })

  const units = await getCompareUnits(search.level, search.units)
  if (!units) throw new Response(null, { status: 404 })
  const provinceIds = units.map((unit) => unit.provinceId ?? '')
  if (!canComparePeers(user, { level: search.level, provinceIds })) throw outOfScope(t)
  if (search.level === 'agency' && new Set(provinceIds).size > 1) {
    return data({ ...page, choices, error: 'compare.errors.oneProvince', comparison: null }, { status: 400 })
  }
  const basis = { minN: settings.minN, responses: search.responses ?? settings.responses }
  const comparison = await loadPeerComparison(search.level, units, year, years, basis)
  return data({ ...page, choices, error: null, comparison })
}

/** 403 with the page's stable code and a message in the user's language. */
function outOfScope(t: (key: string) => string) {
  return new Response(t('compare.errors.outOfScope'), {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Error-Code': ANALYSIS_OUT_OF_SCOPE },
  })
}

export default function ComparePage() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('improvement')
  return (
    <>
      <h1>{t('compare.title')}</h1>
      <p className="lead">{t('compare.lead')}</p>
      {data.error ? (
        <p className="notice" role="alert">
          {t(data.error)}
        </p>
      ) : null}
      <CompareForms data={data} />
      {data.comparison ? <CompareTables comparison={data.comparison} locale={data.locale} /> : null}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
