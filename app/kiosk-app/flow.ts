import { isEligible, visibleItems } from '~/questionnaire/conditions'
import type { Definition, Item } from '~/questionnaire/definition'
import { codedAnswers, normaliseText, type SubmittedAnswers } from '~/responses/answer-values'

/*
 * The kiosk's path through a questionnaire: one question per screen, only the items of the
 * kiosk form, in definition order, following the definition's conditions and its screening
 * question exactly as the phone survey does (app/questionnaire/conditions.ts).
 */

/** The form's items a respondent is asked given their answers so far, in order. */
export function kioskItems(definition: Definition, form: readonly string[], answers: SubmittedAnswers): Item[] {
  const inForm = new Set(form)
  return visibleItems(definition, codedAnswers(answers)).filter((item) => inForm.has(item.code))
}

/** The first question (null when the form asks nothing). */
export function firstItem(definition: Definition, form: readonly string[]): Item | null {
  return kioskItems(definition, form, {})[0] ?? null
}

/** The question after `code` for these answers; null when the respondent has finished. */
export function nextItem(definition: Definition, form: readonly string[], answers: SubmittedAnswers, code: string): Item | null {
  const position = positions(definition)
  const from = position.get(code) ?? -1
  return kioskItems(definition, form, answers).find((item) => position.get(item.code)! > from) ?? null
}

/** The question before `code` for these answers; null on the first question. */
export function previousItem(definition: Definition, form: readonly string[], answers: SubmittedAnswers, code: string): Item | null {
  const position = positions(definition)
  const from = position.get(code) ?? Number.MAX_SAFE_INTEGER
  // Tablets run old browsers too: no Array.prototype.findLast.
  return [...kioskItems(definition, form, answers)].reverse().find((item) => position.get(item.code)! < from) ?? null
}

/**
 * "Question 2 of 6": the total counts the questions these answers show. Until the screening
 * question is answered the respondent is counted as eligible, so the total does not jump when
 * they answer it (as app/questionnaire/pages.ts counts pages).
 */
export function itemProgress(definition: Definition, form: readonly string[], answers: SubmittedAnswers, code: string) {
  const { item: screening, eligible } = definition.screening
  const counted = answers[screening] === undefined && eligible[0] !== undefined ? { ...answers, [screening]: eligible[0] } : answers
  const items = kioskItems(definition, form, counted)
  const index = items.findIndex((item) => item.code === code)
  return { current: index + 1 || 1, total: items.length }
}

/** Whether the screening question has been answered with an answer the survey is not for. */
export function isScreenedOut(definition: Definition, answers: SubmittedAnswers): boolean {
  return answers[definition.screening.item] !== undefined && !isEligible(definition, codedAnswers(answers))
}

/**
 * The answers to send: those to questions still shown (a changed answer can hide a question
 * answered before), without empty ones.
 */
export function finalAnswers(definition: Definition, form: readonly string[], answers: SubmittedAnswers): SubmittedAnswers {
  const kept: SubmittedAnswers = {}
  for (const item of kioskItems(definition, form, answers)) {
    const value = answers[item.code]
    const text = typeof value === 'string' ? normaliseText(value) : null
    if (value === undefined || text === '' || (Array.isArray(value) && value.length === 0)) continue
    kept[item.code] = text ?? value
  }
  return kept
}

const positionsOf = new WeakMap<Definition, Map<string, number>>()

function positions(definition: Definition): Map<string, number> {
  let map = positionsOf.get(definition)
  if (!map) {
    map = new Map(definition.sections.flatMap((section) => section.items).map((item, index) => [item.code, index]))
    positionsOf.set(definition, map)
  }
  return map
}
