import type { ReactNode } from 'react'
import { ErrorMessage } from './error-message'

/** What a control needs from its Field: its id and name, and the aria attributes of its message. */
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
export function Field({
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
      <ErrorMessage id={errorId} message={error} />
    </div>
  )
}
