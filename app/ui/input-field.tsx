import type { InputHTMLAttributes } from 'react'
import { Field } from './field'

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'defaultValue'>

/** A labelled text-like input (the common case of Field); `value` is what the input starts with. */
export function InputField({
  name,
  label,
  hint,
  error,
  value,
  ...input
}: InputProps & {
  name: string
  label: string
  hint?: string
  error?: string
  value?: string
}) {
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      {(props) => <input {...props} {...input} defaultValue={value} />}
    </Field>
  )
}
