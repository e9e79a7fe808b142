import { DONT_KNOW, type Item, NOT_APPLICABLE, SCALE_KINDS } from '~/questionnaire/definition'
import { type KeyedValue, keyCodes } from './keys'

type Translate = (key: string) => string
type Language = 'vi' | 'en'

/** The words for one coded value of an item: the scale point, the option, or the non-answer. */
function valueLabel(item: Item, value: number, t: Translate, lng: Language): string {
  if (value === DONT_KNOW) return t('questionnaire:answers.dontKnow')
  if (value === NOT_APPLICABLE) return t('questionnaire:answers.notApplicable')
  if (SCALE_KINDS.includes(item.kind)) return t(`questionnaire:scale.${item.kind}.${value}`)
  return item.options?.find((option) => option.value === value)?.label[lng] ?? String(value)
}

/**
 * The keys an item's field takes, shown beside it: "1–5 · 9 Không biết" for a scale (the
 * legend above the form names the scale points), every option for a choice.
 */
export function keyHint(item: Item, t: Translate, lng: Language): string {
  const codes = keyCodes(item)
  if (item.kind === 'text') return t('paper:keying.hints.text')
  if (item.kind === 'number') return t('paper:keying.hints.number')
  const special = codes.filter((code) => code.value < 0).map((code) => `${code.key} ${valueLabel(item, code.value, t, lng)}`)
  const ordinary = SCALE_KINDS.includes(item.kind)
    ? ['1–5']
    : codes.filter((code) => code.value > 0).map((code) => `${code.key} ${valueLabel(item, code.value, t, lng)}`)
  const hint = [...ordinary, ...special].join(' · ')
  return item.kind === 'multiSelect' ? `${hint} ${t('paper:keying.hints.several')}` : hint
}

/** A keyed answer as a supervisor reads it: "4 — Hài lòng", the text, or "blank". */
export function describeValue(item: Item | undefined, value: KeyedValue | null, t: Translate, lng: Language): string {
  if (value === null) return t('paper:reconcile.blank')
  if (typeof value === 'string' || !item) return String(value)
  const keyOf = new Map(keyCodes(item).map((code) => [code.value, code.key]))
  return [value]
    .flat()
    .map((v) => `${keyOf.get(v) ?? v} — ${valueLabel(item, v, t, lng)}`)
    .join('; ')
}
