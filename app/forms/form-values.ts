import { CSRF_FIELD } from '~/auth/csrf'

/** What a person typed into a form, by field name. */
export type FormValues = Record<string, string>

// Never echoed back into a page (its data would carry them even where no field shows them): the
// CSRF token is re-rendered fresh; passwords and the kiosks' staff PIN are typed again.
const NOT_ECHOED = new Set([CSRF_FIELD, 'password', 'confirm', 'pin'])

/** A form's text fields, to validate and to give back to the page with its errors. */
export function textValues(formData: FormData): FormValues {
  const values: FormValues = {}
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !NOT_ECHOED.has(key)) values[key] = value
  }
  return values
}
