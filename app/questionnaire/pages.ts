import { isShortFormDefinition } from './asked-form'
import { type Answers, isEligible, visibleItems } from './conditions'
import type { Definition, Item, Section } from './definition'

/*
 * The pages a respondent steps through, derived from a definition: the screening question alone,
 * then one page per section (one SIPAS element per page), then a review page. A short form
 * (./asked-form.ts) asks a few items of each section, so its pages pack consecutive sections
 * instead (packSections). Which pages and items are shown follows the definition's conditions
 * (conditions.ts); this module only groups them into pages and says where "next" and "back" lead.
 */

export const SCREENING_PAGE = 'screening'
export const REVIEW_PAGE = 'review'

/**
 * Most items a short form's page packs from consecutive sections: about one phone screen of
 * rating questions (docs/decisions/027-short-forms.md, "How long the phone short form takes").
 */
export const PACKED_PAGE_ITEMS = 8

export type SurveyPage =
  | { kind: 'screening'; key: typeof SCREENING_PAGE; itemCodes: string[] }
  | {
      kind: 'section'
      key: string
      /** The page's first section (its only one on the full form). */
      section: Section
      /** Every section the page holds items of, in order. */
      sections: Section[]
      itemCodes: string[]
    }
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

/**
 * A section page's key: `section:` and its sections' codes joined by `+` (a code never holds
 * one), so a key names exactly one page of a definition, stays the same for the same definition
 * (the signed survey state carries it from post to post) and a one-section page keeps the key
 * it has on the full form.
 */
const sectionsKey = (sections: readonly Section[]) => `section:${sections.map((section) => section.code).join('+')}`

const pagesOf = new WeakMap<Definition, SurveyPage[]>()

/** Every page the definition can show, in order, whatever the answers. */
export function surveyPages(definition: Definition): SurveyPage[] {
  let pages = pagesOf.get(definition)
  if (!pages) {
    const screening = definition.screening.item
    const limit = isShortFormDefinition(definition) ? PACKED_PAGE_ITEMS : 1
    const sections = packSections(definition.sections, screening, limit).map(
      ({ sections, itemCodes }): SurveyPage => ({ kind: 'section', key: sectionsKey(sections), section: sections[0]!, sections, itemCodes }),
    )
    pages = [
      { kind: 'screening', key: SCREENING_PAGE, itemCodes: [screening] },
      ...sections,
      { kind: 'review', key: REVIEW_PAGE, itemCodes: [] },
    ]
    pagesOf.set(definition, pages)
  }
  return pages
}

/**
 * Sections grouped into pages: each section's items (the screening item left out, as it has its
 * own page) join the page before while it holds at most `limit` items, so a limit of 1 gives one
 * page per section and a section longer than the limit keeps a page of its own, whole. A section
 * with its own display condition keeps a page to itself, so the page is skipped as the section
 * is. Items conditioned on another page's answer are shown or not as on any page; one whose
 * condition comes onto its page becomes live there (pageItems).
 */
export function packSections(
  sections: readonly Section[],
  screening: string,
  limit: number,
): { sections: Section[]; itemCodes: string[] }[] {
  const pages: { sections: Section[]; itemCodes: string[]; closed: boolean }[] = []
  for (const section of sections) {
    const itemCodes = section.items.map((item) => item.code).filter((code) => code !== screening)
    if (itemCodes.length === 0) continue
    const last = pages[pages.length - 1]
    if (last && !last.closed && !section.showIf && last.itemCodes.length + itemCodes.length <= limit) {
      last.sections.push(section)
      last.itemCodes.push(...itemCodes)
    } else {
      pages.push({ sections: [section], itemCodes, closed: section.showIf !== undefined })
    }
  }
  return pages.map(({ sections, itemCodes }) => ({ sections, itemCodes }))
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
