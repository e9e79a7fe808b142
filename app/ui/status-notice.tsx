import type { ReactNode } from 'react'

/**
 * A confirmation that something was done ("Saved", "Agency created"), announced by screen
 * readers when it appears (role="status"). Nothing when there is no message.
 */
export function StatusNotice({ message }: { message: ReactNode }) {
  if (!message) return null
  return (
    <p className="notice" role="status">
      {message}
    </p>
  )
}
