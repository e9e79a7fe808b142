import { type IndexValues, elementIndex, unitIndex } from '~/aggregation/indices'
import type { Methodology } from '~/questionnaire/definition'

/*
 * How many points of a unit's index closing a gap on one criterion would add
 * (docs/methodology.md, "Analysis for improvement plans"). The answer is computed by the index
 * formula itself (app/aggregation/indices.ts): the unit's index again with that one figure
 * replaced by the comparator's, minus the index as it is. The index is linear in the item rates,
 * so this equals the criterion's coefficient in the index times the gap (`indexCoefficients`);
 * the tests check both agree for the official designs.
 */

/** A criterion of the analysis: an item (its rate) or an element (its index). */
export type Criterion = { kind: 'item' | 'element'; code: string }

/**
 * The unit's index with `criterion`'s figure set to `value`: an item's rate enters its element
 * as the element's formula says (an element indexed by its general item ignores its other items);
 * an element's index enters the unit index directly.
 */
export function indexWith(methodology: Methodology, itemRates: IndexValues, criterion: Criterion, value: number): number | null {
  const rates = criterion.kind === 'item' ? { ...itemRates, [criterion.code]: value } : itemRates
  const elements: Record<string, number | null> = {}
  for (const element of methodology.elements) elements[element.code] = elementIndex(element, rates)
  if (criterion.kind === 'element') elements[criterion.code] = value
  return unitIndex(methodology, elements)
}

/**
 * Index points gained if the criterion reached `target` (the comparator's value): exact, by the
 * formula. Zero when the unit is already at or above the target (there is no gap to close); null
 * when the unit has no index or the criterion or the target has no figure.
 */
export function pointsGained(
  methodology: Methodology,
  itemRates: IndexValues,
  criterion: Criterion,
  target: number | null,
): number | null {
  const current = currentValue(methodology, itemRates, criterion)
  if (target === null || current === null) return null
  const now = unitIndexOf(methodology, itemRates)
  if (now === null) return null
  if (target <= current) return 0
  const closed = indexWith(methodology, itemRates, criterion, target)
  return closed === null ? null : closed - now
}

/** The criterion's own figure: the item's rate or the element's index. */
export function currentValue(methodology: Methodology, itemRates: IndexValues, criterion: Criterion): number | null {
  if (criterion.kind === 'item') return itemRates[criterion.code] ?? null
  const element = methodology.elements.find((candidate) => candidate.code === criterion.code)
  return element ? elementIndex(element, itemRates) : null
}

export function unitIndexOf(methodology: Methodology, itemRates: IndexValues): number | null {
  const elements: Record<string, number | null> = {}
  for (const element of methodology.elements) elements[element.code] = elementIndex(element, itemRates)
  return unitIndex(methodology, elements)
}

/**
 * The weight of each element and item in the unit index (index points per point of the figure),
 * for a unit whose items with a rate are those in `itemRates`. Elements: 1/E when the index is
 * the mean of the elements, 1/(A·E_a) when it is the mean of aspects. Items: the element's weight
 * over its items with a rate when the element is their mean; the whole of it for the general item
 * of an element indexed by it, and 0 for that element's other items — they do not enter the index.
 */
export function indexCoefficients(methodology: Methodology, itemRates: IndexValues) {
  const elements: Record<string, number> = {}
  for (const element of methodology.elements) elements[element.code] = 0
  if (methodology.unitIndex === 'meanOfElements') {
    for (const element of methodology.elements) elements[element.code] = 1 / methodology.elements.length
  } else {
    for (const aspect of methodology.aspects) {
      for (const code of aspect.elements) {
        elements[code] = (elements[code] ?? 0) + 1 / (methodology.aspects.length * aspect.elements.length)
      }
    }
  }
  const items: Record<string, number> = {}
  for (const element of methodology.elements) {
    const weight = elements[element.code] ?? 0
    if (element.index === 'mean') {
      const rated = element.items.filter((code) => itemRates[code] != null)
      for (const code of element.items) items[code] = rated.includes(code) ? weight / rated.length : 0
      if (element.generalItem) items[element.generalItem] ??= 0
    } else {
      for (const code of element.items) items[code] ??= 0
      if (element.generalItem) items[element.generalItem] = weight
    }
  }
  return { elements, items }
}
