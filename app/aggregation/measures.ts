import { CHOICE_KINDS, type Item, positiveValues } from '~/questionnaire/definition'

/**
 * Which figures an item gets. Both aggregation paths (SQL counts and the raw-response reference)
 * ask here, so they cannot disagree about what is published for an item.
 */

/** The values counted as positive when the item has a rate; null when it has none. */
export function ratedValues(item: Item): number[] | null {
  // A multi-select item has no "valid answers" denominator for a rate: its figures are shares.
  if (item.kind === 'multiSelect') return null
  const positive = positiveValues(item)
  return positive.length > 0 ? positive : null
}

/**
 * Choice items also get every option's share: over valid answers for single choices, over
 * respondents for multi-select ones (docs/methodology.md, "Item figures").
 */
export function shareKind(item: Item): 'category' | 'multiSelect' | null {
  if (item.kind === 'multiSelect') return 'multiSelect'
  return CHOICE_KINDS.includes(item.kind) ? 'category' : null
}

export function optionValues(item: Item): number[] {
  return (item.options ?? []).map((option) => option.value)
}
