import { useEffect, useRef } from 'react'

/** One problem in the summary: a link to its field, and the field's name when the message alone does not say it. */
export type SummaryError = { href: string; message: string; label?: string }

/**
 * The errors of a refused form at its top, each a link to its field (the GOV.UK error summary
 * pattern), announced as an alert. Focused so a keyboard user hears what to fix and jumps to it:
 * with JavaScript when the errors change (not on every render: typing re-renders the form);
 * on a page without JavaScript, `autoFocus` focuses it as the page loads.
 */
export function ErrorSummary({
  title,
  errors,
  autoFocus = false,
}: {
  title: string
  errors: SummaryError[]
  autoFocus?: boolean
}) {
  const ref = useRef<HTMLDivElement>(null)
  const signature = errors.map((error) => `${error.href} ${error.message}`).join('\n')
  useEffect(() => {
    if (signature) ref.current?.focus()
  }, [signature])
  if (errors.length === 0) return null
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      autoFocus={autoFocus}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.href} ${error.message}`}>
            {error.label ? (
              <>
                <a href={error.href}>{error.label}</a> <span>{error.message}</span>
              </>
            ) : (
              <a href={error.href}>{error.message}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
