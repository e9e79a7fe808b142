import { data } from '@remix-run/node'
import type { z } from 'zod'
import { isStorableText } from '~/db/storable-text'
import { type FieldErrors, fieldErrorsOf } from './field-errors'
import { type FormValues, textValues } from './form-values'

/** The one field the domain refused, and why (an i18n key). */
type RefusedField = { field: string; key: string }

/** What a refused form gives back to its page: a message per field and what was typed. */
export type Rejection = { fieldErrors: FieldErrors; values: FormValues }

/**
 * A refused form: 400 (unless `init` says otherwise), nothing changed, the person's values back
 * so nothing typed is lost, and a message per field; besides, whatever else the page needs to
 * show the refusal (which of its forms was posted, a message for the whole form, …). The action
 * is the source of truth: the same answer reaches a page with JavaScript and one without.
 */
export function rejectForm<Refusal extends Rejection>(rejection: Refusal, init: ResponseInit = {}) {
  return data(rejection, { ...init, status: init.status ?? 400 })
}

/**
 * A form the domain refused over one field (`{ field, key }` from a `*.server.ts` function, e.g. a
 * code already taken): the 400 answer with that field's message and the values typed.
 */
export function rejectField(error: RefusedField, formData: FormData) {
  return rejectForm({ fieldErrors: { [error.field]: { key: error.key } }, values: textValues(formData) })
}

/**
 * A form that creates something: read by its schema (parseForm), then handed to `create`, which may
 * refuse one field (`{ error }`, e.g. a code already taken). Either refusal comes back as
 * `{ rejection }`, the 400 answer to return; else `{ input, created }`, what was posted and made.
 */
export async function createFromForm<Schema extends z.ZodType, Result extends object>(
  schema: Schema,
  formData: FormData,
  create: (input: z.output<Schema>) => Promise<Result>
) {
  const { data: input, rejection } = parseForm(schema, formData)
  if (rejection) return { rejection, input: null, created: null }
  const created = await create(input)
  if ('error' in created) {
    return { rejection: rejectField(created.error as RefusedField, formData), input: null, created: null }
  }
  return { rejection: null, input, created: created as Exclude<Result, { error: RefusedField }> }
}

/** The message of a field holding text the database cannot store (app/db/storable-text.ts). */
export const UNREADABLE_TEXT_ERROR = 'common:errors.unreadableText'

/**
 * A posted form read by its schema: `{ data }`, or `{ rejection }` — the 400 answer to return,
 * with `extra` besides the messages and the values typed (passwords and the CSRF token left out,
 * see textValues). A field holding a NUL or unreadable characters is refused before the schema
 * sees it, whatever the form: such a value reaching a query made the database refuse it (a 500).
 * It is not sent back into the page either; the person types it again.
 */
export function parseForm<Schema extends z.ZodType, Extra extends object = Record<never, never>>(
  schema: Schema,
  formData: FormData,
  extra?: Extra
) {
  const unreadable = [...formData].flatMap(([name, value]) => (typeof value === 'string' && !isStorableText(value) ? [name] : []))
  if (unreadable.length > 0) {
    const values = textValues(formData)
    for (const name of unreadable) delete values[name]
    const fieldErrors: FieldErrors = Object.fromEntries(unreadable.map((name) => [name, { key: UNREADABLE_TEXT_ERROR }]))
    return { data: null, rejection: rejectForm({ ...(extra as Extra), fieldErrors, values }) }
  }
  const parsed = schema.safeParse(Object.fromEntries(formData))
  if (parsed.success) return { data: parsed.data as z.output<Schema>, rejection: null }
  return {
    data: null,
    rejection: rejectForm({ ...(extra as Extra), fieldErrors: fieldErrorsOf(parsed.error), values: textValues(formData) }),
  }
}
