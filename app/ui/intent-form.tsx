import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { CsrfInput } from './csrf-input'

/**
 * A form posting one of several things a page's action does (`intent`), with the CSRF token:
 * pages with more than one form tell their action which was sent this way. `hidden` names what
 * the intent acts on (e.g. `{ kioskId }` for a row's button).
 */
export function IntentForm({
  intent,
  hidden = {},
  className,
  children,
}: {
  intent: string
  hidden?: Record<string, string>
  className?: string
  children: ReactNode
}) {
  return (
    <Form method="post" className={className}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  )
}
