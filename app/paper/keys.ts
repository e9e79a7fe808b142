import { DONT_KNOW, type Item, NOT_APPLICABLE, SCALE_KINDS } from '~/questionnaire/definition'
import type { AnswerValue, SubmittedAnswers } from '~/responses/answers'

/*
 * What a clerk types for each answer on a paper sheet. Coded items take the number printed on
 * the sheet (scale 1–5, an option's value); "don't know" is 9 and "not applicable" is 8, the
 * codes Vietnamese paper surveys print next to those boxes. An empty field is an answer left
 * blank on the paper. Multi-select items take several codes ("1 3 4", or "134" when every code
 * is one digit).
 */

export const DONT_KNOW_KEY = '9'
export const NOT_APPLICABLE_KEY = '8'
/** Used instead when an option of the item is itself valued 9 or 8, so no key means two things. */
const DONT_KNOW_FALLBACK_KEY = '99'
const NOT_APPLICABLE_FALLBACK_KEY = '98'

const MAX_KEYED_LENGTH = 2000

/** A keyed answer, in the shape of the shared answer schema (app/responses/answers.ts). */
export type KeyedValue = AnswerValue
/** A sheet's keyed answers by item code; unanswered items are absent. */
export type KeyedAnswers = SubmittedAnswers

export type KeyCode = { key: string; value: number }

export function isCodedItem(item: Pick<Item, 'kind'>): boolean {
  return item.kind !== 'text' && item.kind !== 'number'
}

/** The keys a coded item accepts and the value each stands for, in the order to show them. */
export function keyCodes(item: Item): KeyCode[] {
  if (!isCodedItem(item)) return []
  const values = SCALE_KINDS.includes(item.kind) ? [1, 2, 3, 4, 5] : (item.options ?? []).map((option) => option.value)
  const codes = values.map((value) => ({ key: String(value), value }))
  const taken = new Set(codes.map((code) => code.key))
  if (item.allowDontKnow) {
    codes.push({ key: taken.has(DONT_KNOW_KEY) ? DONT_KNOW_FALLBACK_KEY : DONT_KNOW_KEY, value: DONT_KNOW })
  }
  if (item.allowNotApplicable) {
    codes.push({ key: taken.has(NOT_APPLICABLE_KEY) ? NOT_APPLICABLE_FALLBACK_KEY : NOT_APPLICABLE_KEY, value: NOT_APPLICABLE })
  }
  return codes
}

/**
 * Whether `typed` is a whole answer after which the cursor may move on by itself: a key of
 * the item that is not the beginning of a longer key (typing "1" when "10" exists waits).
 * Multi-select, text and number items never move on by themselves.
 */
export function isCompleteKey(item: Item, typed: string): boolean {
  if (item.kind === 'multiSelect') return false
  const keys = keyCodes(item).map((code) => code.key)
  return keys.includes(typed) && !keys.some((key) => key !== typed && key.startsWith(typed))
}

export type KeyedResult = { ok: true; value: KeyedValue | null } | { ok: false; error: string }

const SEPARATORS = /[\s,;+/]+/

/**
 * The answer a clerk typed for one item, or the i18n key (namespace `paper`) of why it is not
 * one. `null` means left blank. Range and required checks are the shared answer schema's job.
 */
export function parseKeyed(item: Item, typed: string): KeyedResult {
  const raw = typed.trim()
  if (raw === '') return { ok: true, value: null }
  if (raw.length > MAX_KEYED_LENGTH) return { ok: false, error: 'keying.errors.tooLong' }
  if (item.kind === 'text') return { ok: true, value: raw }
  if (item.kind === 'number') {
    return /^-?\d{1,9}$/.test(raw) ? { ok: true, value: Number(raw) } : { ok: false, error: 'keying.errors.notANumber' }
  }
  const codes = keyCodes(item)
  const byKey = new Map(codes.map((code) => [code.key, code.value]))
  const parts = item.kind === 'multiSelect' ? splitMulti(raw, codes) : [raw]
  const values: number[] = []
  for (const part of parts) {
    const value = byKey.get(part.replace(/^0+(?=\d)/, ''))
    if (value === undefined) return { ok: false, error: 'keying.errors.unknownKey' }
    if (!values.includes(value)) values.push(value)
  }
  if (item.kind !== 'multiSelect') return { ok: true, value: values[0]! }
  // Ticks have no order: sorted, two clerks keying "31" and "13" agree.
  return { ok: true, value: values.sort((a, b) => a - b) }
}

/** "1 3 4", "1,3" or, when every key is one digit, "134". */
function splitMulti(raw: string, codes: KeyCode[]): string[] {
  if (SEPARATORS.test(raw)) return raw.split(SEPARATORS).filter(Boolean)
  return codes.every((code) => code.key.length === 1) ? [...raw] : [raw]
}

/** What to put back in an item's field for a stored answer (the reverse of parseKeyed). */
export function formatKeyed(item: Item, value: KeyedValue | null | undefined): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (!isCodedItem(item)) return String(value)
  const keyOf = new Map(keyCodes(item).map((code) => [code.value, code.key]))
  return [value].flat().map((v) => keyOf.get(v) ?? String(v)).join(' ')
}
