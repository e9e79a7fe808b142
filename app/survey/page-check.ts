import { visibleItems } from '~/questionnaire/conditions'
import type { Definition } from '~/questionnaire/definition'
import { type SurveyPage, visiblePages } from '~/questionnaire/pages'
import { answerIssues, codedAnswers, pageAnswersSchema, type SubmittedAnswers } from '~/responses/answers'
import type { AnswerIssue } from '~/responses/errors'

/*
 * One page's answers checked with the submission contract's own schema (pageAnswersSchema) in
 * the route action, so a page can't be left with answers the final submission would refuse.
 */

/** Only answers to items the respondent is shown: a changed answer can hide items answered before. */
export function keepVisibleAnswers(definition: Definition, answers: Readonly<SubmittedAnswers>): SubmittedAnswers {
  const kept: SubmittedAnswers = {}
  for (const item of visibleItems(definition, codedAnswers(answers))) {
    const value = answers[item.code]
    if (value !== undefined) kept[item.code] = value
  }
  return kept
}

/** The page's items shown for these answers, by code. */
function shownPageCodes(definition: Definition, page: SurveyPage, answers: Readonly<SubmittedAnswers>): string[] {
  const onPage = new Set(page.itemCodes)
  return visibleItems(definition, codedAnswers(answers))
    .map((item) => item.code)
    .filter((code) => onPage.has(code))
}

/** The page's posted answers in place of its earlier ones, without answers to hidden items. */
function mergePageAnswers(
  definition: Definition,
  page: SurveyPage,
  earlier: Readonly<SubmittedAnswers>,
  posted: Readonly<SubmittedAnswers>,
): SubmittedAnswers {
  const onPage = new Set(page.itemCodes)
  const others = Object.fromEntries(Object.entries(earlier).filter(([code]) => !onPage.has(code)))
  return keepVisibleAnswers(definition, { ...others, ...posted })
}

export type PageCheck = {
  /** Every answer so far, this page's included, without answers to hidden items. */
  answers: SubmittedAnswers
  /** What is wrong with this page's answers, in questionnaire order; empty when it may be left. */
  issues: AnswerIssue[]
}

/**
 * A page's posted answers in place of its earlier ones. Answers to items the page shows only
 * under a condition that does not hold are dropped, not refused: without JavaScript such items
 * are on screen with their condition spelled out, and answering one anyway is no mistake.
 */
export function checkPage(
  definition: Definition,
  page: SurveyPage,
  earlier: Readonly<SubmittedAnswers>,
  posted: Readonly<SubmittedAnswers>,
): PageCheck {
  const onPage = new Set(page.itemCodes)
  const answers = mergePageAnswers(definition, page, earlier, posted)
  const shown = shownPageCodes(definition, page, answers)
  const pageAnswers = Object.fromEntries(shown.flatMap((code) => (answers[code] === undefined ? [] : [[code, answers[code]!]])))
  const parsed = pageAnswersSchema(definition, shown, answers).safeParse(pageAnswers)
  if (!parsed.success) return { answers, issues: answerIssues(parsed.error) }
  // The schema's values are normalised (text NFC and trimmed, multi-selects sorted).
  const rest = Object.fromEntries(Object.entries(answers).filter(([code]) => !onPage.has(code)))
  return { answers: { ...rest, ...parsed.data }, issues: [] }
}

/**
 * Where "continue" leads after editing from the review page: the first page still missing an
 * answer (an edit can open new questions), else the review page again.
 */
export function firstIncompletePage(definition: Definition, answers: Readonly<SubmittedAnswers>): SurveyPage {
  const pages = visiblePages(definition, codedAnswers(answers))
  const incomplete = pages.find((page) => {
    if (page.kind === 'review') return false
    const own = Object.fromEntries(page.itemCodes.flatMap((code) => (answers[code] === undefined ? [] : [[code, answers[code]!]])))
    return checkPage(definition, page, answers, own).issues.length > 0
  })
  return incomplete ?? pages[pages.length - 1]!
}
