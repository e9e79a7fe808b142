import type { KeyedAnswers, KeyedValue } from './keys'
import type { VoidReason } from './void'

/*
 * Double entry: two clerks key the same sheet without seeing each other's work; what they
 * disagree on goes to a supervisor, who picks one of the two values (or keys the paper again)
 * field by field. Pure functions over the keyed entries.
 */

/**
 * One keyed copy of a sheet: the date written on it and the answers, or why it is void (no answers
 * then); on a short-form sheet, the code of the block printed on it (docs/decisions/027-short-forms.md).
 */
export type SheetEntry = { submittedOn: string; answers: KeyedAnswers; voidReason?: VoidReason; formBlock?: string }

/**
 * The date is compared like an item. Its field name has a capital letter, so it can never be
 * an item code (codes are lower case, see CodeSchema).
 */
export const SHEET_DATE_FIELD = 'sheetDate'

/**
 * The difference between a void copy and a keyed one: the void copy's reason against null. Like
 * the date's, the name cannot be an item code.
 */
export const VOID_FIELD = 'sheetVoid'

/** The short-form block printed on the sheet, compared like the date; not an item code either. */
export const SHEET_BLOCK_FIELD = 'sheetBlock'

export type FieldValue = KeyedValue | null
export type Difference = { field: string; first: FieldValue; second: FieldValue }

function fieldsOf(entry: SheetEntry): Map<string, FieldValue> {
  return new Map<string, FieldValue>([
    [SHEET_DATE_FIELD, entry.submittedOn],
    ...(entry.formBlock ? [[SHEET_BLOCK_FIELD, entry.formBlock] as const] : []),
    ...Object.entries(entry.answers),
  ])
}

/** Two clerks' readings of a field agree: the same ticks in any order, or the same words. */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (a === null || b === null) return a === b
  if (typeof a === 'string' || typeof b === 'string') {
    return typeof a === 'string' && typeof b === 'string' && normaliseText(a) === normaliseText(b)
  }
  const left = [...new Set([a].flat())].sort((x, y) => x - y)
  const right = [...new Set([b].flat())].sort((x, y) => x - y)
  return left.length === right.length && left.every((value, i) => value === right[i])
}

// Spacing and Unicode composition are typing accidents, not disagreements about the paper.
function normaliseText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ')
}

/**
 * Every field the two entries disagree on, the date first, then items in `order` (the
 * questionnaire's), then any other keyed field.
 */
export function compareEntries(first: SheetEntry, second: SheetEntry, order: readonly string[]): Difference[] {
  if (first.voidReason || second.voidReason) {
    // What must agree is void-ness: a void sheet has nothing to compare, and which reason a
    // clerk gives changes no figure (the first pass's is kept).
    if (first.voidReason && second.voidReason) return []
    return [{ field: VOID_FIELD, first: first.voidReason ?? null, second: second.voidReason ?? null }]
  }
  const a = fieldsOf(first)
  const b = fieldsOf(second)
  const rank = new Map([SHEET_DATE_FIELD, SHEET_BLOCK_FIELD, ...order].map((field, i) => [field, i]))
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort(
    (x, y) => (rank.get(x) ?? Infinity) - (rank.get(y) ?? Infinity) || x.localeCompare(y)
  )
  return fields.flatMap((field) => {
    const left = a.get(field) ?? null
    const right = b.get(field) ?? null
    return sameValue(left, right) ? [] : [{ field, first: left, second: right }]
  })
}

/** The supervisor's decision for one field: one clerk's value, or the paper read again. */
export type Choice = { from: 'first' } | { from: 'second' } | { from: 'rekeyed'; value: FieldValue }

export type Resolution = { ok: true; entry: SheetEntry } | { ok: false; undecided: string[] }

/**
 * The agreed sheet: what both clerks keyed alike, and the supervisor's choice for each field
 * they disagreed on. Every difference needs a choice; choices for agreed fields are ignored.
 * When one copy is void and the other keyed, the supervisor takes one of them whole (there is
 * nothing to key again field by field).
 */
export function resolveEntries(
  first: SheetEntry,
  second: SheetEntry,
  order: readonly string[],
  choices: Readonly<Record<string, Choice>>
): Resolution {
  const differences = compareEntries(first, second, order)
  const undecided = differences.filter((difference) => !choices[difference.field]).map((difference) => difference.field)
  if (undecided.length > 0) return { ok: false, undecided }
  if (first.voidReason || second.voidReason) {
    const from = differences.length === 0 ? 'first' : choices[VOID_FIELD]!.from
    if (from === 'rekeyed') return { ok: false, undecided: [VOID_FIELD] }
    return { ok: true, entry: entryOf(from === 'first' ? first : second) }
  }

  const fields = fieldsOf(first)
  for (const { field, first: left, second: right } of differences) {
    const choice = choices[field]!
    fields.set(field, choice.from === 'first' ? left : choice.from === 'second' ? right : choice.value)
  }
  const submittedOn = fields.get(SHEET_DATE_FIELD)
  const formBlock = fields.get(SHEET_BLOCK_FIELD)
  const answers: KeyedAnswers = {}
  for (const [field, value] of fields) {
    if (field !== SHEET_DATE_FIELD && field !== SHEET_BLOCK_FIELD && value !== null) answers[field] = value
  }
  return {
    ok: true,
    entry: {
      submittedOn: typeof submittedOn === 'string' ? submittedOn : '',
      answers,
      ...(typeof formBlock === 'string' && formBlock !== '' ? { formBlock } : {}),
    },
  }
}

/** A copy as an entry: a void one keeps its date and reason only. */
function entryOf({ submittedOn, answers, voidReason, formBlock }: SheetEntry): SheetEntry {
  return voidReason ? { submittedOn, answers: {}, voidReason } : { submittedOn, answers, ...(formBlock ? { formBlock } : {}) }
}
