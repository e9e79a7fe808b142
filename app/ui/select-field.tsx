import { Field } from './field'

/**
 * A labelled select; `empty` adds a first option with the value '' (e.g. "national"), `prompt` a
 * first option that asks for a choice and cannot itself be chosen.
 */
export function SelectField({
  name,
  label,
  error,
  value,
  options,
  empty,
  prompt,
  required,
}: {
  name: string
  label: string
  error?: string
  value?: string
  options: readonly { value: string; label: string }[]
  empty?: string
  prompt?: string
  required?: boolean
}) {
  return (
    <Field name={name} label={label} error={error}>
      {(props) => (
        <select
          {...props}
          required={required}
          defaultValue={value ?? (empty === undefined && prompt === undefined ? undefined : '')}
        >
          {prompt === undefined ? null : (
            <option value="" disabled>
              {prompt}
            </option>
          )}
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
