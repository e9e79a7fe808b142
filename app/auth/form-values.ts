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
