import { elementIndex, unitIndex } from '~/aggregation/indices'
import type { Methodology } from '~/questionnaire/definition'

type ItemBounds = Readonly<Record<string, { low: number | null; high: number | null }>>

/**
 * A 95 % interval for a composite index (element or unit SIPAS), built by computing the index on
 * the items' lower bounds and on their upper bounds.
 *
 * Why this and not a formula: SIPAS is a mean of element figures, which are means or single
 * items, all measured on the same respondents and strongly correlated. The standard error of a
 * mean of estimates is at most the mean of their standard errors (equality when perfectly
 * correlated), so the interval of means of bounds is at least as wide as the true one: it
 * never makes two units look more different than the data allow, which is what the
 * statistical-tie marker needs (ranking/ties.ts errs the same way). A bootstrap over
 * respondents would be tighter but needs raw answers, which dashboards must not scan.
 */
export function indexInterval(methodology: Methodology, items: ItemBounds): { low: number; high: number } | null {
  const lows = Object.fromEntries(Object.entries(items).map(([code, bounds]) => [code, bounds.low]))
  const highs = Object.fromEntries(Object.entries(items).map(([code, bounds]) => [code, bounds.high]))
  const low = unitIndex(methodology, elementValues(methodology, lows))
  const high = unitIndex(methodology, elementValues(methodology, highs))
  return low === null || high === null ? null : { low, high }
}

/** The same construction for each element. */
export function elementIntervals(
  methodology: Methodology,
  items: ItemBounds,
): Record<string, { low: number; high: number } | null> {
  const lows = elementValues(methodology, Object.fromEntries(Object.entries(items).map(([code, b]) => [code, b.low])))
  const highs = elementValues(methodology, Object.fromEntries(Object.entries(items).map(([code, b]) => [code, b.high])))
  return Object.fromEntries(
    methodology.elements.map((element) => {
      const low = lows[element.code]
      const high = highs[element.code]
      return [element.code, low == null || high == null ? null : { low, high }]
    }),
  )
}

function elementValues(methodology: Methodology, rates: Record<string, number | null>) {
  return Object.fromEntries(methodology.elements.map((element) => [element.code, elementIndex(element, rates)]))
}
