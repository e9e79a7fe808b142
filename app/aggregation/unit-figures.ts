import type { Item, Methodology } from '~/questionnaire/definition'
import {
  type AnswerCount,
  type OptionShare,
  type RespondentTotals,
  categoryShares,
  itemRate,
  multiSelectShares,
} from './counts'
import { aspectIndex, elementIndex, unitIndex } from './indices'
import { optionValues, ratedValues, shareKind } from './measures'
import type { Rate } from './rate'

export type ItemFigure = Rate & { suppressed: boolean }
export type ShareFigure = OptionShare & { suppressed: boolean }

/** Everything published for one unit. Percentages 0..100, unrounded; keyed by code. */
export type UnitFigures = {
  /** Respondents in the unit (after exclusions). */
  n: number
  /** The unit has fewer respondents than the minimum n: show its figures as suppressed. */
  suppressed: boolean
  items: Record<string, ItemFigure>
  shares: Record<string, ShareFigure[]>
  elements: Record<string, number | null>
  aspects: Record<string, number | null>
  sipas: number | null
}

export type FigureOptions = { useWeights: boolean; minN: number }

/**
 * The figure set of one unit from its answer counts.
 *
 * NOTE: multi-select shares are over all the unit's respondents; that is right for items shown
 * to everyone (the SIPAS expectations section). For a conditional multi-select item, call
 * multiSelectShares with the number of respondents who were shown it.
 */
export function computeUnitFigures(
  methodology: Methodology,
  items: readonly Item[],
  rows: readonly AnswerCount[],
  respondents: RespondentTotals,
  options: FigureOptions,
): UnitFigures {
  const rowsByItem = new Map<string, AnswerCount[]>()
  for (const row of rows) {
    const group = rowsByItem.get(row.itemCode)
    if (group) group.push(row)
    else rowsByItem.set(row.itemCode, [row])
  }
  return computeUnitFiguresByItem(methodology, items, rowsByItem, respondents, options)
}

/** computeUnitFigures for rows already grouped by item code (the full recompute has them so). */
export function computeUnitFiguresByItem(
  methodology: Methodology,
  items: readonly Item[],
  rowsByItem: ReadonlyMap<string, readonly AnswerCount[]>,
  respondents: RespondentTotals,
  options: FigureOptions,
): UnitFigures {
  const rates: Record<string, Rate> = {}
  const shares: Record<string, OptionShare[]> = {}
  for (const item of measuresOf(items)) {
    const itemRows = rowsByItem.get(item.code) ?? []
    if (item.positive) rates[item.code] = itemRate(itemRows, item.positive, options.useWeights)
    if (item.shares === 'category') {
      shares[item.code] = categoryShares(itemRows, item.options, options.useWeights)
    }
    if (item.shares === 'multiSelect') {
      shares[item.code] = multiSelectShares(itemRows, item.options, respondents, options.useWeights)
    }
  }
  return assembleUnitFigures(methodology, rates, shares, respondents.n, options.minN)
}

type ItemMeasures = {
  code: string
  positive: number[] | null
  shares: ReturnType<typeof shareKind>
  options: number[]
}

const measuresCache = new WeakMap<readonly Item[], ItemMeasures[]>()

/** What each item gets, worked out once per item list (the same list serves every unit). */
function measuresOf(items: readonly Item[]): ItemMeasures[] {
  let measures = measuresCache.get(items)
  if (!measures) {
    measures = items.map((item) => ({
      code: item.code,
      positive: ratedValues(item),
      shares: shareKind(item),
      options: optionValues(item),
    }))
    measuresCache.set(items, measures)
  }
  return measures
}

/**
 * Combines a unit's item rates and shares into its element, aspect and SIPAS figures and marks
 * what falls under the minimum n. Suppression is only a flag: suppressed rates still feed the
 * indices, so a unit's SIPAS doesn't depend on how thinly one item happened to be answered.
 */
export function assembleUnitFigures(
  methodology: Methodology,
  rates: Readonly<Record<string, Rate>>,
  shares: Readonly<Record<string, OptionShare[]>>,
  respondents: number,
  minN: number,
): UnitFigures {
  const itemRates = mapValues(rates, (rate) => rate.rate)
  const elements = Object.fromEntries(
    methodology.elements.map((element) => [element.code, elementIndex(element, itemRates)]),
  )
  return {
    n: respondents,
    suppressed: respondents < minN,
    items: mapValues(rates, (rate) => ({ ...rate, suppressed: rate.n < minN })),
    shares: mapValues(shares, (options) =>
      options.map((share) => ({ ...share, suppressed: share.n < minN })),
    ),
    elements,
    aspects: Object.fromEntries(
      methodology.aspects.map((aspect) => [aspect.code, aspectIndex(aspect, elements)]),
    ),
    sipas: unitIndex(methodology, elements),
  }
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> {
  // A loop rather than Object.entries/fromEntries: this runs for every unit of a full recompute.
  const mapped: Record<string, U> = {}
  for (const key in record) mapped[key] = map(record[key]!)
  return mapped
}
