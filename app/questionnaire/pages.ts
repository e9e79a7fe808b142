import { type Answers, isEligible, visibleItems } from './conditions'
import type { Definition, Item, Section } from './definition'

/*
 * The pages a respondent steps through, derived from a definition: the screening question alone,
 * then one page per section (one SIPAS element per page), then a review page. Which pages and
 * items are shown follows the definition's conditions (conditions.ts); this module only groups
 * them into pages and says where "next" and "back" lead.
 */

export const SCREENING_PAGE = 'screening'
export const REVIEW_PAGE = 'review'

export type SurveyPage =
  | { kind: 'screening'; key: typeof SCREENING_PAGE; itemCodes: string[] }
  | { kind: 'section'; key: string; section: Section; itemCodes: string[] }
  | { kind: 'review'; key: typeof REVIEW_PAGE; itemCodes: string[] }

/** An item as a page renders it. */
export type PageItem = {
  item: Item
  /**
   * Its condition depends on an answer on the same page, so it appears and disappears as that
   * answer changes (in the browser), or is shown with its condition spelled out (without JavaScript).
   */
  live: boolean
}

const sectionKey = (section: Section) => `section:${section.code}`

/** Every page the definition can show, in order, whatever the answers. */
export function surveyPages(definition: Definition): SurveyPage[] {
  const screening = definition.screening.item
  const sections = definition.sections.flatMap((section): SurveyPage[] => {
    const itemCodes = section.items.map((item) => item.code).filter((code) => code !== screening)
    return itemCodes.length > 0 ? [{ kind: 'section', key: sectionKey(section), section, itemCodes }] : []
  })
  return [
    { kind: 'screening', key: SCREENING_PAGE, itemCodes: [screening] },
    ...sections,
    { kind: 'review', key: REVIEW_PAGE, itemCodes: [] },
  ]
}

export function findPage(definition: Definition, key: string): SurveyPage | undefined {
  return surveyPages(definition).find((page) => page.key === key)
}

/** The items a page shows given the answers so far, in order; empty for a page that is skipped. */
export function pageItems(definition: Definition, page: SurveyPage, answers: Answers): PageItem[] {
  const shown = new Set(visibleItems(definition, answers).map((item) => item.code))
  const onPage = new Set(page.itemCodes)
  const items = definition.sections.flatMap((section) => section.items).filter((item) => onPage.has(item.code))
  // An item waiting on an answer from this same page shows only if the page itself does.
  if (!items.some((item) => shown.has(item.code))) return []
  return items.flatMap((item) => {
    const live = item.showIf !== undefined && onPage.has(item.showIf.item)
    return shown.has(item.code) || live ? [{ item, live }] : []
  })
}

/**
 * The pages shown for these answers: the screening page, the sections with something to ask once
 * the respondent is eligible, and the review page.
 */
export function visiblePages(definition: Definition, answers: Answers): SurveyPage[] {
  const eligible = isEligible(definition, answers)
  return surveyPages(definition).filter(
    (page) => page.kind !== 'section' || (eligible && pageItems(definition, page, answers).length > 0),
  )
}

/** The page after `key` for these answers (the review page after the last section). */
export function nextPage(definition: Definition, answers: Answers, key: string): SurveyPage {
  const order = pageOrder(definition)
  const from = order.get(key) ?? -1
  const pages = visiblePages(definition, answers)
  return pages.find((page) => order.get(page.key)! > from) ?? pages[pages.length - 1]!
}

/** The page before `key` for these answers (the screening page at the start). */
export function previousPage(definition: Definition, answers: Answers, key: string): SurveyPage {
  const order = pageOrder(definition)
  const from = order.get(key) ?? Number.MAX_SAFE_INTEGER
  const pages = visiblePages(definition, answers)
  // Cheap phones run old browsers: no Array.prototype.findLast.
  return [...pages].reverse().find((page) => order.get(page.key)! < from) ?? pages[0]!
}

/**
 * "Step 3 of 9". Until the screening question is answered the respondent is counted as
 * eligible, so the total does not jump when they answer it.
 */
export function pageProgress(definition: Definition, answers: Answers, key: string) {
  const counted = isEligible(definition, answers)
    ? answers
    : new Map([...answers, [definition.screening.item, definition.screening.eligible.slice(0, 1)]])
  const pages = visiblePages(definition, counted)
  const index = pages.findIndex((page) => page.key === key)
  return { current: index + 1 || 1, total: pages.length }
}

function pageOrder(definition: Definition): Map<string, number> {
  return new Map(surveyPages(definition).map((page, index) => [page.key, index]))
}
