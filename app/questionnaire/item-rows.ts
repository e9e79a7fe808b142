import { type Definition, positiveValues } from './definition'

export type ItemRow = {
  code: string
  position: number
  sectionCode: string
  elementCode: string | null
  kind: string
  positive: number[]
  isGeneral: boolean
  inIndex: boolean
}

/**
 * The `Item` rows a published version gets: one per item, in questionnaire order, with the
 * methodology element it counts towards (its general item included) so aggregation can group
 * answers by element in SQL.
 */
export function itemRows(definition: Definition): ItemRow[] {
  const elementOf = new Map<string, string>()
  const general = new Set<string>()
  // Items whose rate enters the unit index (app/aggregation/indices.ts decides the same way).
  const inIndex = new Set<string>()
  for (const element of definition.methodology.elements) {
    if (element.index === 'mean') for (const code of element.items) inIndex.add(code)
    else if (element.generalItem) inIndex.add(element.generalItem)
    for (const code of element.items) elementOf.set(code, element.code)
    if (element.generalItem) {
      elementOf.set(element.generalItem, element.code)
      general.add(element.generalItem)
    }
  }
  let position = 0
  return definition.sections.flatMap((section) =>
    section.items.map((item) => ({
      code: item.code,
      position: ++position,
      sectionCode: section.code,
      elementCode: elementOf.get(item.code) ?? null,
      kind: item.kind,
      positive: positiveValues(item),
      isGeneral: general.has(item.code),
      inIndex: inIndex.has(item.code),
    })),
  )
}
