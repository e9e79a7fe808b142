import { type Period, parsePeriod, yearPeriod } from '~/aggregation/period'
import { COMPARATORS, type Comparator } from './gap'

/*
 * What an analysis page's URL names: /analysis/<level>/<unitId>?period=…&compare=national|best.
 * Anything else is refused with the key of a message (the analysis namespace), never guessed.
 */

export const ANALYSIS_LEVELS = ['province', 'agency', 'servicePoint'] as const
export type AnalysisLevel = (typeof ANALYSIS_LEVELS)[number]

export function parseAnalysisLevel(text: string | undefined): AnalysisLevel | null {
  return ANALYSIS_LEVELS.find((level) => level === text) ?? null
}

export type AnalysisSearch = { period: Period; comparator: Comparator }

export function parseAnalysisSearch(
  search: URLSearchParams,
  defaultYear: number,
): { search: AnalysisSearch; error: null } | { search: null; error: 'errors.badPeriod' | 'errors.badComparator' } {
  const periodText = search.get('period')
  const period = periodText ? parsePeriod(periodText) : yearPeriod(defaultYear)
  if (!period) return { search: null, error: 'errors.badPeriod' }
  const comparatorText = search.get('compare')
  const comparator = comparatorText ? COMPARATORS.find((candidate) => candidate === comparatorText) : 'national'
  if (!comparator) return { search: null, error: 'errors.badComparator' }
  return { search: { period, comparator }, error: null }
}
