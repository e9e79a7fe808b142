import { z } from 'zod'
import { textProblem } from '~/db/storable-text'
import { type AnswerLookup, isEligible, visibleItems } from '~/questionnaire/conditions'
import {
  allItems,
  DONT_KNOW,
  type Definition,
  type Item,
  MAX_TEXT_ANSWER_LENGTH,
  NOT_APPLICABLE,
} from '~/questionnaire/definition'
import { type AnswerValue, MAX_NUMBER_ANSWER, normaliseText, type SubmittedAnswers } from './answer-values'
import { type SortedKey, sortedKeys } from './json'
import { ANSWER_ERROR_CODES, type AnswerErrorCode, type AnswerIssue, type ErrorParams } from './errors'

// The answer values and their plain helpers live in a module without zod (browser code such as the kiosk imports them there).
export { type AnswerValue, codedAnswers, MAX_NUMBER_ANSWER, normaliseText, type SubmittedAnswers } from './answer-values'

/*
 * The one answers schema, shared by the survey pages (browser, per page) and every submission
 * channel (server, whole response). Answers are a map keyed by item code:
 * scale and single-choice items → a number, multi-select → an array of numbers, number → a
 * number, text → a string, with the coding of app/questionnaire/definition.ts. `null`, `[]` and
 * an empty (whitespace-only) text mean "not answered".
 *
 * Every issue is a zod `custom` issue whose message is an i18n key in the `submission` namespace
 * (`errors.<code>`), whose path is the item code, and whose `params` carry the stable `code` plus
 * the message's placeholders. `answerIssues(error)` turns them back into AnswerIssue objects.
 * NOTE: item codes contain dots ("perc.online_easy"); form libraries that read dotted names as
 * nested paths need the answers flattened into this map first.
 */

const SCALE_MIN = 1
const SCALE_MAX = 5

// A plain check rather than z.record: this runs on every submission and needs no per-key parsing.
const AnswersObjectSchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { error: 'errors.invalid_answers' },
)

function wholeResponseSchema(definition: Definition) {
  return AnswersObjectSchema.transform((raw, ctx) => reportIssues(checkAnswers(definition, raw, null, {}, null), ctx))
}
const wholeResponseSchemas = new WeakMap<Definition, ReturnType<typeof wholeResponseSchema>>()

/** A whole response: every rule, including required items and the screening question. */
export function answersSchema(definition: Definition) {
  let schema = wholeResponseSchemas.get(definition)
  if (!schema) wholeResponseSchemas.set(definition, (schema = wholeResponseSchema(definition)))
  return schema
}

/**
 * One page of the survey: the same rules for the items in `itemCodes` only. Answers to items of
 * other pages are ignored (they are checked with their own page); `priorAnswers` (earlier pages)
 * decide what is visible. The screening answer being ineligible is not an error here: the page
 * then ends the survey.
 */
export function pageAnswersSchema(
  definition: Definition,
  itemCodes: readonly string[],
  priorAnswers: Readonly<SubmittedAnswers> = {},
) {
  const page = new Set(itemCodes)
  return AnswersObjectSchema.transform((raw, ctx) => reportIssues(checkAnswers(definition, raw, page, priorAnswers, null), ctx))
}

function formResponseSchema(definition: Definition, form: ReadonlySet<string>) {
  return AnswersObjectSchema.transform((raw, ctx) => reportIssues(checkAnswers(definition, raw, null, {}, form), ctx))
}
const formResponseSchemas = new WeakMap<Definition, Map<string, ReturnType<typeof formResponseSchema>>>()

/**
 * A whole response to a part of the version (the kiosk form, app/questionnaire/kiosk-form.ts, or a
 * short form's core and block, app/questionnaire/asked-form.ts): every rule of `answersSchema` for
 * the form's items; required items outside the form are not required, and an answer to one is
 * refused (`not_in_form`). Built once per definition object and list of items.
 */
export function formAnswersSchema(definition: Definition, formItems: readonly string[]) {
  let forms = formResponseSchemas.get(definition)
  if (!forms) formResponseSchemas.set(definition, (forms = new Map()))
  const key = formItems.join('\n')
  let schema = forms.get(key)
  if (!schema) forms.set(key, (schema = formResponseSchema(definition, new Set(formItems))))
  return schema
}

/** The issues of a failed `answersSchema` / `pageAnswersSchema` parse, in questionnaire order. */
export function answerIssues(error: z.ZodError): AnswerIssue[] {
  return error.issues.map((issue) => {
    const params = (issue as { params?: ErrorParams }).params ?? {}
    const code = params.code
    if (issue.code === 'custom' && isAnswerErrorCode(code)) {
      const { code: _code, itemCode: _itemCode, ...rest } = params
      return { code, itemCode: String(issue.path.at(-1) ?? ''), params: rest }
    }
    return { code: 'invalid_answers', itemCode: '', params: {} }
  })
}

function isAnswerErrorCode(value: unknown): value is AnswerErrorCode {
  return typeof value === 'string' && (ANSWER_ERROR_CODES as readonly string[]).includes(value)
}

type CheckResult = { answers: SubmittedAnswers; issues: AnswerIssue[] }

function reportIssues({ answers, issues }: CheckResult, ctx: z.RefinementCtx): SubmittedAnswers {
  if (issues.length === 0) return answers
  for (const issue of issues) {
    ctx.addIssue({
      code: 'custom',
      message: `errors.${issue.code}`,
      path: [issue.itemCode],
      params: { code: issue.code, itemCode: issue.itemCode, ...issue.params },
    })
  }
  return z.NEVER
}

export type ItemIndex = {
  /** Every item, in questionnaire order. */
  list: readonly Item[]
  items: ReadonlyMap<string, Item>
  position: ReadonlyMap<string, number>
  options: ReadonlyMap<string, ReadonlySet<number>>
  /** The item codes in canonical JSON order (app/responses/json.ts). */
  sortedCodes: readonly SortedKey[]
}
const indexes = new WeakMap<Definition, ItemIndex>()

/** A definition's items by code, built once per definition object (this runs on every submission). */
export function itemIndex(definition: Definition): ItemIndex {
  let index = indexes.get(definition)
  if (!index) {
    const list = allItems(definition)
    index = {
      list,
      items: new Map(list.map((item) => [item.code, item])),
      position: new Map(list.map((item, position) => [item.code, position])),
      options: new Map(list.map((item) => [item.code, new Set((item.options ?? []).map((option) => option.value))])),
      sortedCodes: sortedKeys(list.map((item) => item.code)),
    }
    indexes.set(definition, index)
  }
  return index
}

/**
 * The rules, in one pass: types and ranges per answer, then what the conditions show: no answer
 * to a hidden item, every required visible item answered. `page` null = the whole response;
 * `form` non-null = the whole response to a short form holding only those items.
 */
function checkAnswers(
  definition: Definition,
  raw: Record<string, unknown>,
  page: ReadonlySet<string> | null,
  prior: Readonly<SubmittedAnswers>,
  form: ReadonlySet<string> | null,
): CheckResult {
  const lookup = itemIndex(definition)
  const inScope = (code: string) => page === null || page.has(code)
  const issues: AnswerIssue[] = []
  const answers: SubmittedAnswers = {}
  const issue = (code: AnswerErrorCode, itemCode: string, params: ErrorParams = {}) => issues.push({ code, itemCode, params })

  for (const [code, value] of Object.entries(raw)) {
    const item = lookup.items.get(code)
    if (!item) {
      issue('unknown_item', code)
      continue
    }
    if (form && !form.has(code)) {
      issue('not_in_form', code)
      continue
    }
    if (!inScope(code)) continue
    const checked = checkValue(item, value, lookup.options.get(code)!)
    if ('problem' in checked) issue(checked.problem, code, checked.params)
    else if (checked.value !== undefined) answers[code] = checked.value
  }

  if (issues.length === 0) checkVisibility(definition, answers, page, prior, form, issue)
  if (issues.length > 1) issues.sort((a, b) => (lookup.position.get(a.itemCode) ?? -1) - (lookup.position.get(b.itemCode) ?? -1))
  return { answers, issues }
}

function checkVisibility(
  definition: Definition,
  answers: SubmittedAnswers,
  page: ReadonlySet<string> | null,
  prior: Readonly<SubmittedAnswers>,
  form: ReadonlySet<string> | null,
  issue: (code: AnswerErrorCode, itemCode: string, params?: ErrorParams) => void,
) {
  const inScope = (code: string) => page === null || page.has(code)
  const screeningItem = definition.screening.item
  let assumedScreening: readonly number[] | undefined
  // A view, not a copy: this runs on every submission.
  const coded: AnswerLookup = {
    get: (code) =>
      code === screeningItem && assumedScreening ? assumedScreening : codedValue(inScope(code) ? answers[code] : prior[code]),
  }

  if (!coded.get(screeningItem)?.length) {
    if (inScope(screeningItem)) issue('required', screeningItem)
    if (page === null || page.has(screeningItem)) return
    // A later page checked on its own (the UI already passed the screen): assume an eligible answer.
    assumedScreening = [definition.screening.eligible[0]!]
  } else if (!isEligible(definition, coded)) {
    if (page === null) issue('screened_out', screeningItem)
    return
  }

  let answeredAndShown = 0
  const visible = visibleItems(definition, coded)
  for (const item of visible) {
    if (answers[item.code] !== undefined) answeredAndShown++
    else if (item.required && inScope(item.code) && (!form || form.has(item.code))) issue('required', item.code)
  }
  if (answeredAndShown === Object.keys(answers).length) return
  const shown = new Set(visible.map((item) => item.code))
  for (const code of Object.keys(answers)) if (!shown.has(code)) issue('hidden_item', code)
}

function codedValue(value: AnswerValue | undefined): readonly number[] | undefined {
  return typeof value === 'number' ? [value] : Array.isArray(value) ? value : undefined
}

type Checked = { value: AnswerValue | undefined } | { problem: AnswerErrorCode; params?: ErrorParams }

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value)
// Refusals without parameters are shared: this runs for every answer of every submission.
const NOT_ANSWERED: Checked = { value: undefined }
const WRONG_TYPE: Checked = { problem: 'wrong_type' }
const UNKNOWN_OPTION: Checked = { problem: 'unknown_option' }
const OUT_OF_SCALE: Checked = { problem: 'out_of_range', params: { min: SCALE_MIN, max: SCALE_MAX } }

function checkValue(item: Item, value: unknown, options: ReadonlySet<number>): Checked {
  if (value === null) return NOT_ANSWERED
  switch (item.kind) {
    case 'satisfaction5':
    case 'agreement5':
      if (!isInteger(value)) return WRONG_TYPE
      return value >= SCALE_MIN && value <= SCALE_MAX ? { value } : checkNonSubstantive(item, value, OUT_OF_SCALE)
    case 'yesNo':
    case 'singleChoice':
    case 'categorical':
      if (!isInteger(value)) return WRONG_TYPE
      return options.has(value) ? { value } : checkNonSubstantive(item, value, UNKNOWN_OPTION)
    case 'multiSelect':
      return checkMultiSelect(item, value, options)
    case 'number': {
      if (!isInteger(value)) return WRONG_TYPE
      const min = item.min ?? 0
      const max = item.max ?? MAX_NUMBER_ANSWER
      if (value >= min && value <= max) return { value }
      return checkNonSubstantive(item, value, { problem: 'out_of_range', params: { min, max } })
    }
    case 'text':
      return checkText(value)
  }
}

/** An integer outside the kind's own range: DONT_KNOW and NOT_APPLICABLE where the item allows them. */
function checkNonSubstantive(item: Item, value: number, outOfRange: Checked): Checked {
  if (value === DONT_KNOW) return item.allowDontKnow ? { value } : { problem: 'dont_know_not_allowed' }
  if (value === NOT_APPLICABLE) return item.allowNotApplicable ? { value } : { problem: 'not_applicable_not_allowed' }
  return outOfRange
}

function checkMultiSelect(item: Item, value: unknown, options: ReadonlySet<number>): Checked {
  if (!Array.isArray(value) || !value.every(isInteger)) return WRONG_TYPE
  if (value.length === 0) return NOT_ANSWERED
  if (new Set(value).size !== value.length) return { problem: 'duplicate_option' }
  const nonSubstantive = value.filter((v) => v === DONT_KNOW || v === NOT_APPLICABLE)
  if (nonSubstantive.length > 0) {
    if (value.length > 1) return { problem: 'non_substantive_with_others' }
    const checked = checkNonSubstantive(item, value[0] as number, UNKNOWN_OPTION)
    return 'problem' in checked ? checked : { value: [value[0] as number] }
  }
  if (!value.every((v) => options.has(v))) return UNKNOWN_OPTION
  return { value: [...value].sort((a, b) => a - b) }
}

// Text PostgreSQL cannot store (a NUL, a lone surrogate, a decoder's U+FFFD): app/db/storable-text.ts.
const TEXT_PROBLEM_CODES = { nul: 'text_nul', unreadable: 'text_invalid_unicode' } as const

function checkText(value: unknown): Checked {
  if (typeof value !== 'string') return { problem: 'wrong_type' }
  const problem = textProblem(value)
  if (problem) return { problem: TEXT_PROBLEM_CODES[problem] }
  const text = normaliseText(value)
  if (text === '') return NOT_ANSWERED
  // Counted in characters (code points), as a person counts them, not UTF-16 units.
  let length = 0
  for (const _ of text) length++
  if (length > MAX_TEXT_ANSWER_LENGTH) return { problem: 'text_too_long', params: { max: MAX_TEXT_ANSWER_LENGTH } }
  return { value: text }
}
