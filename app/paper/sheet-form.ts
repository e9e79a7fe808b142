import { z } from 'zod'
import type { FieldErrors } from '~/forms/field-errors'
import { allItems, type Definition } from '~/questionnaire/definition'
import { answerIssues, answersSchema } from '~/responses/answers'
import type { AnswerErrorCode } from '~/responses/errors'
import { askedDefinition } from '~/questionnaire/asked-form'
import { askedItemCodes } from '~/questionnaire/short-form'
import { SHEET_BLOCK_FIELD, type SheetEntry } from './compare'
import { formatDay } from './dates'
import { type KeyedAnswers, parseKeyed } from './keys'
import { readVoidKey, VOID_REASON_FIELD } from './void'

/*
 * The keying form, read on the server (the source of truth; the page works without
 * JavaScript). Field names: `sheetNo`, `sheetDate`, `voidReason` (blank for a valid sheet, see
 * app/paper/void.ts) and one field per item named by its code.
 * What was typed is checked in two steps: each key against the item (app/paper/keys.ts), then
 * the whole sheet against the shared answer schema, the same rules every channel follows.
 * Messages are `paper` keys, or another namespace's named before a colon.
 */

export type SheetRange = { fromDate: string; toDate: string; sheetCount: number }

export type SheetFormResult = { ok: true; sheetNo: number; entry: SheetEntry } | { ok: false; fieldErrors: FieldErrors }

export function readSheetForm(
  definition: Definition,
  values: Readonly<Record<string, string>>,
  range: SheetRange
): SheetFormResult {
  const fieldErrors: FieldErrors = {}
  const sheetNo = readSheetNo(values.sheetNo, range.sheetCount)
  if (sheetNo === null) fieldErrors.sheetNo = { key: 'keying.errors.sheetNo', params: { max: range.sheetCount } }
  const submittedOn = readSheetDate(values.sheetDate, range)
  if (submittedOn === null)
    fieldErrors.sheetDate = {
      key: 'keying.errors.sheetDate',
      params: { from: formatDay(range.fromDate), to: formatDay(range.toDate) },
    }

  const voidKey = readVoidKey(values[VOID_REASON_FIELD] ?? '')
  if (!voidKey.ok) fieldErrors[VOID_REASON_FIELD] = { key: voidKey.error }
  // A void sheet's answers are not read: whatever was typed before it was marked void is dropped.
  const voidReason = voidKey.ok ? voidKey.reason : null
  const block = readSheetBlock(definition, values[SHEET_BLOCK_FIELD])
  if (!block.ok) fieldErrors[SHEET_BLOCK_FIELD] = { key: 'submission:errors.unknown_form_block', params: { block: block.code } }
  const answers = voidReason || !voidKey.ok || !block.ok ? {} : readAnswers(definition, values, fieldErrors, block.index)

  if (sheetNo === null || submittedOn === null || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors }
  if (voidReason) return { ok: true, sheetNo, entry: { submittedOn, answers, voidReason } }
  return { ok: true, sheetNo, entry: block.ok && block.code ? { submittedOn, answers, formBlock: block.code } : { submittedOn, answers } }
}

/**
 * The short-form block code keyed from the sheet (docs/decisions/027-short-forms.md): blank for
 * a full-form sheet, else one of the version's block codes (typed in any case).
 */
function readSheetBlock(
  definition: Definition,
  raw: string | undefined,
): { ok: true; code: string | null; index: number | null } | { ok: false; code: string } {
  const typed = (raw ?? '').trim()
  if (typed === '') return { ok: true, code: null, index: null }
  const index = definition.shortForm?.blocks.findIndex((block) => block.code.toLowerCase() === typed.toLowerCase()) ?? -1
  if (index < 0) return { ok: false, code: typed }
  return { ok: true, code: definition.shortForm!.blocks[index]!.code, index }
}

/**
 * The keyed answers, checked key by key and then as a sheet; problems are added to `fieldErrors`.
 * On a short-form sheet (`block`), an answer to an item the block does not print is refused, as
 * the submission refuses it, and the sheet is checked as its block's form.
 */
function readAnswers(
  definition: Definition,
  values: Readonly<Record<string, string>>,
  fieldErrors: FieldErrors,
  block: number | null,
): KeyedAnswers {
  const { answers, errors } = readKeyedAnswers(definition, values)
  if (block !== null) {
    const asked = askedItemCodes(definition.shortForm!, block)!
    const code = definition.shortForm!.blocks[block]!.code
    for (const itemCode of Object.keys(answers)) {
      if (!asked.has(itemCode)) errors[itemCode] ??= { key: 'submission:errors.item_not_asked', params: { itemCode, block: code } }
    }
  }
  Object.assign(fieldErrors, errors)
  if (Object.keys(errors).length === 0) Object.assign(fieldErrors, checkSheetAnswers(askedDefinition(definition, block), answers))
  return answers
}

function readSheetNo(raw: string | undefined, sheetCount: number): number | null {
  const value = (raw ?? '').trim()
  if (!/^\d{1,6}$/.test(value)) return null
  const sheetNo = Number(value)
  return sheetNo >= 1 && sheetNo <= sheetCount ? sheetNo : null
}

/** The date written on the sheet: a real day within the batch's period. */
export function readSheetDate(raw: string | undefined, range: Pick<SheetRange, 'fromDate' | 'toDate'>): string | null {
  const parsed = z.iso.date().safeParse((raw ?? '').trim())
  if (!parsed.success) return null
  return parsed.data >= range.fromDate && parsed.data <= range.toDate ? parsed.data : null
}

/** Each item's field read as keys; blank fields are left out. */
export function readKeyedAnswers(definition: Definition, values: Readonly<Record<string, string>>) {
  const answers: KeyedAnswers = {}
  const errors: FieldErrors = {}
  for (const item of allItems(definition)) {
    const result = parseKeyed(item, values[item.code] ?? '')
    if (!result.ok) errors[item.code] = { key: result.error }
    else if (result.value !== null) answers[item.code] = result.value
  }
  return { answers, errors }
}

/**
 * Rules whose `submission` message speaks to the respondent ("your earlier answers"); the clerk
 * is told what to do with the sheet instead.
 */
const CLERK_WORDED: ReadonlySet<AnswerErrorCode> = new Set(['required', 'hidden_item', 'screened_out'])

/** The shared answer schema's verdict on a whole sheet, as field errors. */
export function checkSheetAnswers(definition: Definition, answers: KeyedAnswers): FieldErrors {
  const parsed = answersSchema(definition).safeParse(answers)
  if (parsed.success) return {}
  const errors: FieldErrors = {}
  for (const issue of answerIssues(parsed.error)) {
    const key = CLERK_WORDED.has(issue.code) ? `keying.answerErrors.${issue.code}` : `submission:errors.${issue.code}`
    errors[issue.itemCode || 'sheet'] ??= { key, params: issue.params }
  }
  return errors
}
