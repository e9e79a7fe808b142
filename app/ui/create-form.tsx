import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { CsrfInput } from './csrf-input'
import { IntentForm } from './intent-form'

/**
 * The form under a list page's table that adds a record to the list: its heading, what to know
 * first (`help`), the fields and the button. `intent` names it when the page's action does more
 * than create (see IntentForm).
 */
export function CreateForm({
  title,
  help,
  intent,
  submit,
  children,
}: {
  title: string
  help?: string
  intent?: string
  /** The button's text ("Create agency"). */
  submit: string
  children: ReactNode
}) {
  const fields = (
    <>
      {children}
      <button type="submit">{submit}</button>
    </>
  )
  return (
    <>
      <h2>{title}</h2>
      {help ? <p>{help}</p> : null}
      {intent ? (
        <IntentForm intent={intent}>{fields}</IntentForm>
      ) : (
        <Form method="post">
          <CsrfInput />
          {fields}
        </Form>
      )}
    </>
  )
}
