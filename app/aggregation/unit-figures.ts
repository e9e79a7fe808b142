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
  const rates: Record<string, Rate> = {}
  const shares: Record<string, OptionShare[]> = {}
  for (const item of items) {
    const itemRows = rowsByItem.get(item.code) ?? []
    const positive = ratedValues(item)
    if (positive) rates[item.code] = itemRate(itemRows, positive, options.useWeights)
    const kind = shareKind(item)
    if (kind === 'category') {
      shares[item.code] = categoryShares(itemRows, optionValues(item), options.useWeights)
    }
    if (kind === 'multiSelect') {
      shares[item.code] = multiSelectShares(itemRows, optionValues(item), respondents, options.useWeights)
    }
  }
  return assembleUnitFigures(methodology, rates, shares, respondents.n, options.minN)
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
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]))
}
