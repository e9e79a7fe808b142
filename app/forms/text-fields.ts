import { z } from 'zod'

/*
 * Text fields several forms share, read the same way by each (the browser's check and the action's).
 * Messages are the i18n keys of the form's namespace.
 */

/** An optional text field: trimmed, and null when left empty (a blank box, a select's '' choice). */
export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)

/** An e-mail address as typed: trimmed and lower-cased, then checked; `error` is the message key. */
export function emailAddress(error: string) {
  return z.string().trim().toLowerCase().pipe(z.email({ error }))
}
