import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { CsrfInput } from './csrf-input'

/**
 * A form posting one of several things a page's action does (`intent`), with the CSRF token:
 * pages with more than one form tell their action which was sent this way.
 */
export function IntentForm({ intent, className, children }: { intent: string; className?: string; children: ReactNode }) {
  return (
    <Form method="post" className={className}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {children}
    </Form>
  )
}
