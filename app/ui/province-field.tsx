import { SelectField } from './select-field'

/**
 * The province a record belongs to, chosen in a form by an administrator who may choose (the
 * Ministry); nothing when there is no choice (`provinces` empty: a province administrator's own).
 * `empty` names the choice of none ("national").
 */
export function ProvinceField({
  provinces,
  ...select
}: {
  provinces: readonly { id: string; name: string }[]
  name: string
  label: string
  empty: string
  value?: string
  error?: string
}) {
  if (provinces.length === 0) return null
  return <SelectField {...select} options={provinces.map((province) => ({ value: province.id, label: province.name }))} />
}
