import { useEffect, useRef } from 'react'

/**
 * The errors of a refused form, each a link to its field, focused when it appears so a
 * keyboard user hears what to fix and jumps to it (the GOV.UK error summary pattern).
 */
export function ErrorSummary({ title, errors }: { title: string; errors: { href: string; message: string }[] }) {
  const ref = useRef<HTMLDivElement>(null)
  // Focus when the errors change, not on every render (typing re-renders the form).
  const signature = errors.map((error) => `${error.href} ${error.message}`).join('\n')
  useEffect(() => {
    if (signature) ref.current?.focus()
  }, [signature])
  if (errors.length === 0) return null
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.href}>
            <a href={error.href}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}
