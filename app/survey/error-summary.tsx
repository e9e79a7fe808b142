export type SummaryError = { href: string; label: string; message: string }

/**
 * The page's problems at the top of the page, each linking to its field, announced when the
 * page loads (role=alert) and focused after a post. Field links are plain fragment links: the
 * survey ships no JavaScript.
 */
export function ErrorSummary({ title, errors, autoFocus }: { title: string; errors: SummaryError[]; autoFocus: boolean }) {
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus={autoFocus}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.href + error.message}>
            <a href={error.href}>{error.label}</a> <span>{error.message}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
