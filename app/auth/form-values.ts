import { data } from '@remix-run/node'
import { z } from 'zod'
import { CSRF_FIELD } from './csrf'

// Never echoed back into a page: the CSRF token is re-rendered fresh, passwords are retyped.
const NOT_ECHOED = new Set([CSRF_FIELD, 'password', 'confirm'])

/** A form's text fields, to validate and to give back to the page with its errors. */
export function textValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !NOT_ECHOED.has(key)) values[key] = value
  }
  return values
}

export type FieldErrors = Record<string, string[]>

/** One list of i18n keys per field, as pages show them. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors
}

/** A rejected create form: 400, its values back, one error list per field, nothing created. */
export function rejectForm(values: Record<string, string>, fieldErrors: FieldErrors) {
  return data({ fieldErrors, values, created: null }, { status: 400 })
}
