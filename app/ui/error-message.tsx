/**
 * What is wrong with one field, below it. The field points at it with `aria-describedby={id}`
 * and `aria-invalid`, so a screen reader reads the message with the field. Nothing when there is
 * no message.
 */
export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  )
}
