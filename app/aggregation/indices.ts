import type { Methodology } from '~/questionnaire/definition'

/**
 * How item rates combine into element, aspect, unit and national indices (docs/methodology.md,
 * "Element, aspect, unit and national figures"). All values are percentages; null means "no
 * figure".
 *
 * Null rules, and why:
 * - an element built as the mean of its items skips items without a rate, because conditional
 *   questions (showIf) legitimately leave some items unanswered in a unit;
 * - an aspect and a unit index need every one of their components: a unit missing a whole
 *   element or content would get a score that isn't comparable with its peers, so it gets none;
 * - the national index skips provinces without a figure, since it is the mean over the provinces
 *   that were surveyed.
 */

export type Element = Methodology['elements'][number]
export type Aspect = Methodology['aspects'][number]
/** Figures keyed by item, element or aspect code. */
export type IndexValues = Readonly<Record<string, number | null>>

export function elementIndex(element: Element, itemRates: IndexValues): number | null {
  if (element.index === 'mean') return meanOfPresent(element.items.map((code) => itemRates[code]))
  // NOTE: publishing must reject this; computing a figure without it would silently change method.
  if (!element.generalItem) {
    throw new Error(`Element ${element.code} is indexed by its general item but names none`)
  }
  return itemRates[element.generalItem] ?? null
}

export function aspectIndex(aspect: Aspect, elementIndices: IndexValues): number | null {
  return meanOfAll(aspect.elements.map((code) => elementIndices[code]))
}

/** 2017–2022: mean of the element indices; 2023+: mean of the aspects (satisfaction contents). */
export function unitIndex(methodology: Methodology, elementIndices: IndexValues): number | null {
  if (methodology.unitIndex === 'meanOfElements') {
    return meanOfAll(methodology.elements.map((element) => elementIndices[element.code]))
  }
  return meanOfAll(methodology.aspects.map((aspect) => aspectIndex(aspect, elementIndices)))
}

/** Unweighted mean of the provinces' own figures: each province counts once, whatever its n. */
export function nationalIndex(provinceValues: readonly (number | null | undefined)[]): number | null {
  return meanOfPresent(provinceValues)
}

function meanOfPresent(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((value): value is number => value != null)
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length
}

function meanOfAll(values: readonly (number | null | undefined)[]): number | null {
  return values.some((value) => value == null) ? null : meanOfPresent(values)
}
