import { z } from 'zod'

/** A message for the person filling in a form: an i18n key and the values it needs. */
export type FieldError = { key: string; params?: Record<string, string | number> }

/**
 * A refused form's messages by field name. One per field, the first problem found: a page shows
 * one message under each field and one line per field in its error summary.
 */
export type FieldErrors = Partial<Record<string, FieldError>>

/**
 * The first problem of each field a schema refused (fields named as `z.flattenError` names
 * them: the first segment of the path). Schema messages are i18n keys.
 */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const [field, messages] of Object.entries(z.flattenError(error).fieldErrors)) {
    const key = (messages as string[] | undefined)?.[0]
    if (key) errors[field] = { key }
  }
  return errors
}
