import type { ReactNode } from 'react'

export type ControlProps = { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string }

/**
 * A labelled form control with its error message (already translated), wired for screen
 * readers. The control is rendered by `children` with the id, name and aria attributes.
 */
export function AdminField({
  name,
  label,
  error,
  children,
}: {
  name: string
  label: string
  error?: string
  children: (props: ControlProps) => ReactNode
}) {
  const errorId = `${name}-error`
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {children({ id: name, name, ...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}) })}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
