/*
 * Whether a string from a request can go into a query as PostgreSQL text. A NUL (U+0000) makes
 * PostgreSQL refuse the whole statement (22021: a 500 that a retrying client would repeat
 * forever); a lone UTF-16 surrogate has no UTF-8 encoding; U+FFFD is what a decoder leaves where
 * the request's bytes were not UTF-8. None of them is something a person typed. Pure: the
 * browser and the server check with the same function.
 */

export type TextProblem = 'nul' | 'unreadable'

const UNREADABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/

/** What keeps `value` from being stored as text, or null when nothing does. */
export function textProblem(value: string): TextProblem | null {
  if (value.includes('\u0000')) return 'nul'
  return UNREADABLE.test(value) ? 'unreadable' : null
}

export function isStorableText(value: string): boolean {
  return textProblem(value) === null
}
