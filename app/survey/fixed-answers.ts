import type { Answers } from '~/questionnaire/conditions'
import type { Definition } from '~/questionnaire/definition'
import { nextPage, pageItems, pageProgress, previousPage, type SurveyPage, visiblePages } from '~/questionnaire/pages'

/*
 * Answers given for the respondent rather than by them: a rating ticket's screening answer and
 * procedure field (app/tickets/answers.ts). The survey does not ask them: their items are not
 * shown, and a page left with nothing else to ask (the screening page) is skipped both ways.
 */

export type FixedAnswers = Readonly<Record<string, number>>

/** The page asks nothing the respondent has to answer: every item it shows is fixed. */
export function isFixedPage(definition: Definition, page: SurveyPage, answers: Answers, fixed: FixedAnswers): boolean {
  if (page.kind === 'review') return false
  const items = pageItems(definition, page, answers)
  return items.length > 0 && items.every(({ item }) => fixed[item.code] !== undefined)
}

/** The page after `key` that asks something (the review page at the end). */
export function nextAskedPage(definition: Definition, answers: Answers, key: string, fixed: FixedAnswers): SurveyPage {
  let page = nextPage(definition, answers, key)
  while (isFixedPage(definition, page, answers, fixed)) page = nextPage(definition, answers, page.key)
  return page
}

/** The page before `key` that asks something, or null when there is none: no "back" there. */
export function previousAskedPage(definition: Definition, answers: Answers, key: string, fixed: FixedAnswers): SurveyPage | null {
  let page = previousPage(definition, answers, key)
  while (page.key !== key && isFixedPage(definition, page, answers, fixed)) {
    const before = previousPage(definition, answers, page.key)
    if (before.key === page.key) return null
    page = before
  }
  return page.key === key ? null : page
}

/** The pages the respondent sees for these answers, in order. */
export function askedPages(definition: Definition, answers: Answers, fixed: FixedAnswers): SurveyPage[] {
  return visiblePages(definition, answers).filter((page) => !isFixedPage(definition, page, answers, fixed))
}

/** "Step 3 of 9", counting only the pages the respondent sees. */
export function askedPageProgress(definition: Definition, answers: Answers, key: string, fixed: FixedAnswers) {
  if (Object.keys(fixed).length === 0) return pageProgress(definition, answers, key)
  const pages = askedPages(definition, answers, fixed)
  return { current: pages.findIndex((page) => page.key === key) + 1 || 1, total: pages.length }
}
