import { forwardRef } from 'react'

export type SummaryError = { href: string; label: string; message: string }

/**
 * The page's problems, each linking to its field. Announced when it appears (role=alert); the
 * page also moves focus here after a failed attempt, so keyboard users start from the list.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { title: string; errors: SummaryError[] }>(function ErrorSummary(
  { title, errors },
  ref,
) {
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.href + error.message}>
            <a href={error.href} onClick={(event) => focusTarget(event, error.href)}>
              {error.label}
            </a>{' '}
            <span>{error.message}</span>
          </li>
        ))}
      </ul>
    </div>
  )
})

// Following the link only scrolls; with JavaScript the field itself takes the focus.
function focusTarget(event: React.MouseEvent, href: string) {
  const target = document.getElementById(href.slice(1))
  if (!target) return
  event.preventDefault()
  target.focus()
  target.scrollIntoView({ block: 'center' })
}
