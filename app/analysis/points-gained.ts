import { indexCoefficients } from '~/aggregation/index-variance'
import { type IndexValues, elementIndex, unitIndex } from '~/aggregation/indices'
import type { Methodology } from '~/questionnaire/definition'

/*
 * How many points of a unit's index closing a gap on one criterion would add
 * (docs/methodology.md, "Analysis for improvement plans"). The answer is computed by the index
 * formula itself (app/aggregation/indices.ts): the unit's index again with that one figure
 * replaced by the comparator's, minus the index as it is. The index is linear in the item rates,
 * so this equals the criterion's coefficient in the index times the gap (`indexWeights`);
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
function currentValue(methodology: Methodology, itemRates: IndexValues, criterion: Criterion): number | null {
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
 * The weight of each element and item in the unit index (index points per point of the figure).
 * Items: the coefficients of the index's interval (app/aggregation/index-variance.ts), taken from
 * the index functions; an item outside the index (a 2023 criterion, a 2017 general item) or a unit
 * without an index has none (0). Elements: the unit index of a unit whose element indices are all
 * 0 but this one's, 1 — 1/E for the mean of the elements, 1/(A·E_a) for the mean of aspects.
 */
export function indexWeights(methodology: Methodology, itemRates: IndexValues) {
  const zero = Object.fromEntries(methodology.elements.map((element) => [element.code, 0]))
  const elements: Record<string, number> = {}
  for (const element of methodology.elements) elements[element.code] = unitIndex(methodology, { ...zero, [element.code]: 1 }) ?? 0
  const items: Record<string, number> = { ...(indexCoefficients(methodology, itemRates).sipas ?? {}) }
  return { elements, items }
}
