import { useEffect, useId, useRef } from 'react'

/**
 * A screen that only says something (thank you, the polite end, revoked, not ready), with an
 * optional button. Its heading takes the focus, so screen readers announce it.
 */
export function MessageScreen({
  title,
  body,
  action,
  className,
}: {
  title: string
  body: string
  action?: { label: string; onClick: () => void }
  className?: string
}) {
  const id = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [title])
  return (
    <section className={`kiosk-screen kiosk-message ${className ?? ''}`} aria-labelledby={id}>
      <h1 id={id} ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p className="kiosk-lead">{body}</p>
      {action ? (
        <button type="button" onClick={action.onClick}>
          {action.label}
        </button>
      ) : null}
    </section>
  )
}
