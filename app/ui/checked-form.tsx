import { Form, useSubmit } from '@remix-run/react'
import type { FormEvent, ReactNode } from 'react'

/**
 * A post form that react-hook-form checks in the browser first (its `handleSubmit`), for instant
 * messages; it submits only when the check passes. Without JavaScript it posts as is and the
 * action, the source of truth, checks it.
 */
export function CheckedForm({
  handleSubmit,
  children,
}: {
  handleSubmit: (onValid: () => void) => (event: FormEvent<HTMLFormElement>) => Promise<void>
  children: ReactNode
}) {
  const submit = useSubmit()
  return (
    <Form
      method="post"
      noValidate
      onSubmit={(event) => {
        const form = event.currentTarget
        void handleSubmit(() => submit(form))(event)
      }}
    >
      {children}
    </Form>
  )
}
