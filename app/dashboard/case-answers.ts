import { allItems, type Definition, DONT_KNOW, type LocalizedText, NOT_APPLICABLE, SCALE_KINDS } from '~/questionnaire/definition'

/*
 * A case's coded answers as its page lists them: in the questionnaire's order, each item's text
 * and the answer in words (a choice's label) or as a value (a scale's 1–5, a number).
 */

export type CaseAnswer =
  | { kind: 'scale'; value: number }
  | { kind: 'number'; value: number }
  | { kind: 'options'; labels: LocalizedText[] }
  | { kind: 'dontKnow' }
  | { kind: 'notApplicable' }

export type CaseAnswerRow = { code: string; text: LocalizedText; answer: CaseAnswer; dissatisfied: boolean }

/** `coded`: the stored (item code, value) pairs, one per ticked option of a multi-select. */
export function caseAnswerRows(
  definition: Definition,
  coded: readonly { itemCode: string; value: number }[],
  dissatisfiedAtOrBelow: number
): CaseAnswerRow[] {
  const byItem = new Map<string, number[]>()
  for (const { itemCode, value } of coded) byItem.set(itemCode, [...(byItem.get(itemCode) ?? []), value])
  return allItems(definition).flatMap((item): CaseAnswerRow[] => {
    const values = byItem.get(item.code)
    if (!values?.length) return []
    const first = values[0]!
    const row = (answer: CaseAnswer, dissatisfied = false) => [{ code: item.code, text: item.text, answer, dissatisfied }]
    if (first === DONT_KNOW) return row({ kind: 'dontKnow' })
    if (first === NOT_APPLICABLE) return row({ kind: 'notApplicable' })
    if (SCALE_KINDS.includes(item.kind))
      return row({ kind: 'scale', value: first }, item.kind === 'satisfaction5' && first <= dissatisfiedAtOrBelow)
    if (item.kind === 'number') return row({ kind: 'number', value: first })
    const labels = values.map((value) => item.options?.find((option) => option.value === value)?.label ?? { vi: String(value), en: String(value) })
    return row({ kind: 'options', labels })
  })
}
