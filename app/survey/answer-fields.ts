import type { Item } from '~/questionnaire/definition'
import type { AnswerValue, SubmittedAnswers } from '~/responses/answers'

/*
 * Between a page's form fields and the answers map (app/responses/answers.ts), in both
 * directions. The same functions read a plain form post on the server and react-hook-form's
 * values in the browser.
 */

/**
 * The form field of an item. NOTE: react-hook-form reads dots as nesting and item codes contain
 * dots ("perc.online_easy"); codes never contain ":", so this is reversible and collision-free.
 */
export function fieldName(code: string): string {
  return `q:${code.replaceAll('.', ':')}`
}

/** The element id of a question; its parts add suffixes. */
export function questionId(code: string): string {
  return `q-${code}`
}

/** The first input of a question, where the error summary's link leads. */
export function firstInputId(code: string): string {
  return `${questionId(code)}-0`
}

/** The values of one field: radios and text give one, a multi-select one per ticked box. */
export type FieldReader = (name: string) => string[]

export function formDataReader(formData: FormData): FieldReader {
  return (name) => formData.getAll(name).filter((value): value is string => typeof value === 'string')
}

/**
 * The answers a page's fields hold, typed per item kind; empty fields are not answers. A typed
 * value that is not a whole number stays a string, so the answers schema reports it
 * (wrong_type) instead of it vanishing.
 */
export function readPageAnswers(items: readonly Item[], read: FieldReader): SubmittedAnswers {
  const answers: SubmittedAnswers = {}
  for (const item of items) {
    const values = read(fieldName(item.code)).filter((value) => value.trim() !== '')
    const value = answerOf(item, values)
    if (value !== undefined) answers[item.code] = value
  }
  return answers
}

function answerOf(item: Item, values: string[]): AnswerValue | undefined {
  if (values.length === 0) return undefined
  // Check boxes carry only the values the page printed; anything else was not sent by it.
  if (item.kind === 'multiSelect') return values.filter(isWholeNumber).map(Number)
  if (item.kind === 'text') return values[0]
  const value = values[0]!.trim()
  return isWholeNumber(value) ? Number(value) : value
}

function isWholeNumber(value: string): boolean {
  return /^-?\d{1,9}$/.test(value)
}

/** What a page's fields show for these answers (react-hook-form's default values). */
export function toFieldValues(items: readonly Item[], answers: Readonly<SubmittedAnswers>): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {}
  for (const item of items) {
    const answer = answers[item.code]
    if (item.kind === 'multiSelect') values[fieldName(item.code)] = Array.isArray(answer) ? answer.map(String) : []
    else values[fieldName(item.code)] = answer === undefined || Array.isArray(answer) ? '' : String(answer)
  }
  return values
}
