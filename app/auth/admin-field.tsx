import type { InputHTMLAttributes, ReactNode } from 'react'
import { TableScroll } from '~/ui/table-scroll'

export type ControlProps = {
  id: string
  name: string
  'aria-invalid'?: true
  'aria-describedby'?: string
}

/**
 * A labelled form control with its hint and error message (already translated), wired for screen
 * readers. The control is rendered by `children` with the id, name and aria attributes.
 */
export function AdminField({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string
  label: string
  /** Read before the control, e.g. a password rule. */
  hint?: string
  error?: string
  children: (props: ControlProps) => ReactNode
}) {
  const hintId = `${name}-hint`
  const errorId = `${name}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint ? <p id={hintId}>{hint}</p> : null}
      {children({
        id: name,
        name,
        ...(error ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'defaultValue'>

/** A labelled text-like input (the common case of AdminField). */
export function AdminInput({
  name,
  label,
  error,
  value,
  ...input
}: InputProps & {
  name: string
  label: string
  error?: string
  value?: string
}) {
  return (
    <AdminField name={name} label={label} error={error}>
      {(props) => <input {...props} {...input} defaultValue={value} />}
    </AdminField>
  )
}

/** A labelled select; `empty` adds a first option with the value '' (e.g. "national"). */
export function AdminSelect({
  name,
  label,
  error,
  value,
  options,
  empty,
  required,
}: {
  name: string
  label: string
  error?: string
  value?: string
  options: readonly { value: string; label: string }[]
  empty?: string
  required?: boolean
}) {
  return (
    <AdminField name={name} label={label} error={error}>
      {(props) => (
        <select {...props} required={required} defaultValue={value ?? (empty === undefined ? undefined : '')}>
          {empty === undefined ? null : <option value="">{empty}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </AdminField>
  )
}

/** A list page's table: scrollable on a phone (TableScroll), captioned for screen readers. */
export function AdminTable({
  caption,
  columns,
  children,
}: {
  caption: string
  columns: readonly { label: string; numeric?: boolean }[]
  children: ReactNode
}) {
  return (
    <TableScroll label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  )
}

/** The values and first error per field of a rejected admin form, errors translated by `t`. */
export function formResult(
  actionData:
    | {
        fieldErrors?: Record<string, string[] | undefined>
        values?: Record<string, string | undefined>
      }
    | undefined,
  t: (key: string) => string
) {
  const errors = actionData?.fieldErrors ?? {}
  const values: Record<string, string | undefined> = actionData?.values ?? {}
  const error = (field: string) => {
    const key = errors[field]?.[0]
    return key ? t(key) : undefined
  }
  /** The name, current value and error of one field, to spread into AdminInput or AdminSelect. */
  const field = (name: string) => ({ name, value: values[name], error: error(name) })
  return { values, error, field }
}
