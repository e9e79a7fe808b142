import type { Item, Methodology } from '~/questionnaire/definition'
import {
  type AnswerCount,
  type OptionShare,
  type RespondentTotals,
  categoryShares,
  itemRate,
  multiSelectShares,
} from './counts'
import { type IndexIntervals, type IndexItem, type ItemPairs, indexIntervals, noIntervals } from './index-variance'
import { aspectIndex, elementIndex, unitIndex } from './indices'
import { optionValues, ratedValues, shareKind } from './measures'
import { type Rate, isValidAnswer } from './rate'

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
  /**
   * 95 % intervals of SIPAS and of each element index from the respondents (linearised,
   * index-variance.ts), with their margins of error; null where there is no index or too little
   * to estimate it from.
   */
  intervals: IndexIntervals
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
  pairs: ItemPairs = NO_PAIRS,
): UnitFigures {
  const rowsByItem = new Map<string, AnswerCount[]>()
  for (const row of rows) {
    const group = rowsByItem.get(row.itemCode)
    if (group) group.push(row)
    else rowsByItem.set(row.itemCode, [row])
  }
  return computeUnitFiguresByItem(methodology, items, rowsByItem, respondents, options, pairs)
}

const NO_PAIRS: ItemPairs = new Map()

/** computeUnitFigures for rows already grouped by item code (the full recompute has them so). */
export function computeUnitFiguresByItem(
  methodology: Methodology,
  items: readonly Item[],
  rowsByItem: ReadonlyMap<string, readonly AnswerCount[]>,
  respondents: RespondentTotals,
  options: FigureOptions,
  pairs: ItemPairs,
): UnitFigures {
  const rates: Record<string, Rate> = {}
  const indexItems: Record<string, IndexItem> = {}
  const shares: Record<string, OptionShare[]> = {}
  for (const item of measuresOf(items)) {
    const itemRows = rowsByItem.get(item.code) ?? []
    if (item.positive) {
      const rate = itemRate(itemRows, item.positive, options.useWeights)
      rates[item.code] = rate
      indexItems[item.code] = { rate: rate.rate, sumW: validWeight(itemRows, options.useWeights) }
    }
    if (item.shares === 'category') {
      shares[item.code] = categoryShares(itemRows, item.options, options.useWeights)
    }
    if (item.shares === 'multiSelect') {
      shares[item.code] = multiSelectShares(itemRows, item.options, respondents, options.useWeights)
    }
  }
  const intervals = indexIntervals(methodology, indexItems, pairs, respondents.n, options.useWeights)
  return assembleUnitFigures(methodology, rates, shares, respondents.n, options.minN, intervals)
}

/** Σw over an item's valid answers (the denominator of its rate; n without weights). */
function validWeight(rows: readonly AnswerCount[], useWeights: boolean): number {
  let sum = 0
  for (const row of rows) if (isValidAnswer(row.value)) sum += useWeights ? row.sumW : row.n
  return sum
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
  intervals: IndexIntervals = noIntervals(methodology),
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
    intervals,
  }
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> {
  // A loop rather than Object.entries/fromEntries: this runs for every unit of a full recompute.
  const mapped: Record<string, U> = {}
  for (const key in record) mapped[key] = map(record[key]!)
  return mapped
}
