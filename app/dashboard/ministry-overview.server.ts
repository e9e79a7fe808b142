import { readFigures } from '~/aggregation/figure-reads.server'
import { nationalFigures } from '~/aggregation/figures.server'
import { yearPeriod } from '~/aggregation/period'
import { getVersionCatalog } from '~/aggregation/versions.server'
import { getRanking } from '~/ranking/rankings.server'

/*
 * The Ministry's national overview for a year: national figures (each province first, then
 * their unweighted mean), the provinces' ranking, the distribution of their scores, and what
 * changed since the previous year.
 */

/** Movers listed in "what changed": this many up and this many down. */
const MOVERS_SHOWN = 5

export async function getMinistryOverview(year: number, minN: number) {
  // One read-only unit: one fold and one wait for the replica (docs/decisions/024-read-replica.md).
  const [current, previous, ranking] = await readFigures(() =>
    Promise.all([
      nationalFigures({ period: yearPeriod(year) }, { minN }),
      nationalFigures({ period: yearPeriod(year - 1) }, { minN }),
      getRanking({ year, index: 'SIPAS', peerGroup: 'provinces', provinceId: null }),
    ]),
  )
  const catalog = current.versionId ? await getVersionCatalog([current.versionId]) : null
  const methodology = current.versionId ? catalog?.versions.get(current.versionId)?.definition.methodology : undefined
  const comparable = previous.methodologyCode !== null && previous.methodologyCode === current.methodologyCode
  const elements = (methodology?.elements ?? []).map((element) => ({
    code: element.code,
    name: element.name as { vi: string; en: string },
    value: current.national.elements[element.code] ?? null,
    previous: comparable ? (previous.national.elements[element.code] ?? null) : null,
  }))
  const aspects = (methodology?.aspects ?? []).map((aspect) => ({
    code: aspect.code,
    name: aspect.name as { vi: string; en: string },
    value: current.national.aspects[aspect.code] ?? null,
    previous: comparable ? (previous.national.aspects[aspect.code] ?? null) : null,
  }))
  const moved = ranking.rows.flatMap((row) => (typeof row.change === 'number' && row.change !== 0 ? [{ ...row, change: row.change }] : []))
  return {
    national: {
      sipas: current.national.sipas,
      previous: comparable ? previous.national.sipas : null,
      provinces: current.national.provinces,
      previousProvinces: previous.national.provinces,
      excluded: current.excluded,
      verified: current.verified,
      respondents: current.provinces.reduce((sum, row) => sum + row.figures.n, 0),
    },
    /** The previous year was surveyed with another methodology: a break in the series, no change shown. */
    seriesBreak: previous.methodologyCode !== null && !comparable,
    aspects,
    elements,
    ranking,
    risers: [...moved].sort((a, b) => b.change - a.change).filter((row) => row.change > 0).slice(0, MOVERS_SHOWN),
    fallers: [...moved].sort((a, b) => a.change - b.change).filter((row) => row.change < 0).slice(0, MOVERS_SHOWN),
  }
}
