import type { FieldErrors } from '~/forms/field-errors'
import { allItems, type Definition } from '~/questionnaire/definition'
import { type Choice, SHEET_BLOCK_FIELD, SHEET_DATE_FIELD, VOID_FIELD } from './compare'
import { formatDay } from './dates'
import { parseKeyed } from './keys'
import { readSheetDate, type SheetRange } from './sheet-form'

/*
 * The reconcile form, read on the server (the source of truth; the page works without
 * JavaScript). It names the disputed sheet (`sheetNo`) and, for each field the two passes
 * disagree on, the supervisor's choice `choice:<field>` — `first`, `second`, or `rekeyed` with
 * the paper keyed again in `rekey:<field>`. Messages are `paper` keys, by field.
 */

export const choiceField = (field: string) => `choice:${field}`
export const rekeyField = (field: string) => `rekey:${field}`

/** The sheet number the form names, or null when it names none. */
export function readDisputedSheetNo(raw: string | undefined): number | null {
  const sheetNo = Number(raw)
  return Number.isInteger(sheetNo) && sheetNo > 0 ? sheetNo : null
}

export type ChoicesResult = { ok: true; choices: Record<string, Choice> } | { ok: false; fieldErrors: FieldErrors }

/**
 * The supervisor's choice for each field in `differences`; a field left undecided, or keyed
 * again into something that is not an answer, is refused with its message.
 */
export function readChoices(
  definition: Definition,
  differences: readonly { field: string }[],
  values: Readonly<Record<string, string>>,
  range: Pick<SheetRange, 'fromDate' | 'toDate'>
): ChoicesResult {
  const items = new Map(allItems(definition).map((item) => [item.code, item]))
  const fieldErrors: FieldErrors = {}
  const choices: Record<string, Choice> = {}
  for (const { field } of differences) {
    const from = values[choiceField(field)]
    const rekeyed = values[rekeyField(field)]
    if (from === 'first' || from === 'second') choices[field] = { from }
    // Void or keyed is settled by taking a pass whole; there is nothing to key again.
    else if (from !== 'rekeyed' || field === VOID_FIELD) fieldErrors[field] = { key: 'reconcile.errors.choose' }
    else if (field === SHEET_BLOCK_FIELD) {
      const block = definition.shortForm?.blocks.find((candidate) => candidate.code.toLowerCase() === (rekeyed ?? '').trim().toLowerCase())
      if (block) choices[field] = { from, value: block.code }
      else fieldErrors[field] = { key: 'submission:errors.unknown_form_block', params: { block: (rekeyed ?? '').trim() } }
    } else if (field === SHEET_DATE_FIELD) {
      const day = readSheetDate(rekeyed, range)
      if (day) choices[field] = { from, value: day }
      else
        fieldErrors[field] = {
          key: 'keying.errors.sheetDate',
          params: { from: formatDay(range.fromDate), to: formatDay(range.toDate) },
        }
    } else {
      const item = items.get(field)
      const parsed = item ? parseKeyed(item, rekeyed ?? '') : ({ ok: false, error: 'reconcile.errors.notDisputed' } as const)
      if (parsed.ok) choices[field] = { from, value: parsed.value }
      else fieldErrors[field] = { key: parsed.error }
    }
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, choices }
}
