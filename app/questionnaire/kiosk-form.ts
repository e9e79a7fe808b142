import type { Condition, Definition } from './definition'
import { allItems } from './definition'

/*
 * The kiosk form: the items a touch kiosk asks (docs/decisions/019-kiosk.md). A version may
 * choose them (`kioskForm.items`); otherwise the kiosk asks the screening item, each element's
 * "in general" item and the optional free-text items (the comment). This one function answers
 * for the kiosk's configuration, the editor's preview and the submission check alike.
 */

/** The items a kiosk asks, in questionnaire order; the screening item always among them. */
export function kioskFormItems(definition: Definition): string[] {
  const chosen = new Set(definition.kioskForm?.items ?? defaultKioskFormItems(definition))
  chosen.add(definition.screening.item)
  return allItems(definition)
    .map((item) => item.code)
    .filter((code) => chosen.has(code))
}

/**
 * The default kiosk form, with every item a condition of its own (or of its section) looks at,
 * so that what a kiosk shows follows the same conditions as the full questionnaire.
 */
export function defaultKioskFormItems(definition: Definition): string[] {
  const wanted = new Set<string>([definition.screening.item])
  for (const element of definition.methodology.elements) if (element.generalItem) wanted.add(element.generalItem)
  for (const item of allItems(definition)) if (item.kind === 'text' && !item.required) wanted.add(item.code)
  const conditions = conditionsByItem(definition)
  // Conditions only look back (a publishing rule), so one pass from the end collects them all.
  for (const item of [...allItems(definition)].reverse()) {
    if (!wanted.has(item.code)) continue
    for (const condition of conditions.get(item.code) ?? []) wanted.add(condition.item)
  }
  return allItems(definition)
    .map((item) => item.code)
    .filter((code) => wanted.has(code))
}

/** The conditions that decide whether each item is shown: its own and its section's. */
export function conditionsByItem(definition: Definition): Map<string, Condition[]> {
  const byItem = new Map<string, Condition[]>()
  for (const section of definition.sections) {
    for (const item of section.items) {
      byItem.set(
        item.code,
        [section.showIf, item.showIf].filter((condition): condition is Condition => condition !== undefined),
      )
    }
  }
  return byItem
}
