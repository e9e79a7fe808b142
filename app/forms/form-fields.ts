import type { FieldErrors } from './field-errors'
import type { FormValues } from './form-values'

/** An action's answer as a page gets it: a refused form carries `fieldErrors` and `values`. */
export type ActionAnswer = { fieldErrors?: FieldErrors; values?: Partial<FormValues> } & Record<string, unknown>

/** The type of `created` in the answers that have one. */
type Created<Answer> = Answer extends { created: infer Value } ? Value : never

/** i18next's `t`, as called here. */
type Translate = (key: string, params?: Record<string, string | number>) => string

/** react-hook-form's `formState.errors`: messages of the same schema, so the same i18n keys. */
type ClientErrors = Partial<Record<string, { message?: string } | undefined>>

/** Values any message may use (e.g. a limit), and react-hook-form's messages. */
export type FieldOptions = { params?: Record<string, string | number>; clientErrors?: ClientErrors }

/**
 * A form's fields as its page shows them after a post: what was typed and each field's message,
 * translated. Any answer but a refused form (or none) leaves them empty. With react-hook-form,
 * its messages (`clientErrors`, checked in the browser before anything is posted) come first.
 * `params` are values any message may use (e.g. a limit).
 */
export function formFields<Answer extends ActionAnswer>(
  actionData: Answer | null | undefined,
  t: Translate,
  { params, clientErrors }: FieldOptions = {}
) {
  const fieldErrors: FieldErrors = actionData?.fieldErrors ?? {}
  const values: Partial<FormValues> = actionData?.values ?? {}
  /** The field's message, translated; undefined when it has none. */
  const error = (name: string) => {
    const client = clientErrors?.[name]?.message
    if (client) return t(client, params)
    const server = fieldErrors[name]
    return server ? t(server.key, { ...params, ...server.params }) : undefined
  }
  /** The name, value typed and message of one field, to spread into InputField or SelectField. */
  const field = (name: string) => ({ name, value: values[name], error: error(name) })
  /** What the action created (e.g. the new agency's code) when it answered `{ created }`; else null. */
  const created = actionData && 'created' in actionData ? (actionData.created as Created<Answer>) : null
  return { fieldErrors, values, error, field, created }
}
