import { Form } from '@remix-run/react'
import { SelectField } from './select-field'

/**
 * A form choosing one province to show (GET: the choice goes into the URL as `province`, so the
 * page works without JavaScript). `empty` offers "no province" as a choice; `prompt` only asks.
 */
export function ProvincePicker({
  provinces,
  value,
  label,
  submit,
  className,
  empty,
  prompt,
}: {
  provinces: readonly { id: string; name: string }[]
  value: string | null
  label: string
  /** The button's words ("Show"). */
  submit: string
  className: string
  empty?: string
  prompt?: string
}) {
  return (
    <Form method="get" className={className}>
      <SelectField
        name="province"
        label={label}
        value={value ?? undefined}
        empty={empty}
        prompt={prompt}
        options={provinces.map((province) => ({ value: province.id, label: province.name }))}
      />
      <button type="submit">{submit}</button>
    </Form>
  )
}
