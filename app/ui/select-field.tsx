import { Field } from './field'

/** A labelled select; `empty` adds a first option with the value '' (e.g. "national"). */
export function SelectField({
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
    <Field name={name} label={label} error={error}>
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
    </Field>
  )
}
