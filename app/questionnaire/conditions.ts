import type { Condition, Definition, Item, Section } from './definition'

/** A respondent's coded answers so far, by item code (several values for a multi-select). */
export type Answers = ReadonlyMap<string, readonly number[]>
/** What the conditions read of Answers: the server passes a view over the submitted object instead of a copy. */
export type AnswerLookup = Pick<Answers, 'get'>

/**
 * Whether a condition holds. An unanswered item matches nothing, `notEquals` included: a
 * condition shows something "only when an earlier answer matches", and no answer matches.
 */
export function conditionHolds(condition: Condition, answers: AnswerLookup): boolean {
  const values = answers.get(condition.item) ?? []
  if (values.length === 0) return false
  const expected = condition.value === undefined ? [] : [condition.value].flat()
  switch (condition.op) {
    case 'answered':
      return true
    case 'equals':
    case 'in':
      return values.some((value) => expected.includes(value))
    case 'notEquals':
      return !values.some((value) => expected.includes(value))
  }
}

/** An item or section on its own condition alone; `visibleItems` also follows the chain. */
export function isVisible(itemOrSection: Pick<Item | Section, 'showIf'>, answers: AnswerLookup): boolean {
  return itemOrSection.showIf === undefined || conditionHolds(itemOrSection.showIf, answers)
}

/** Whether the screening answer lets the respondent continue. */
export function isEligible(definition: Definition, answers: AnswerLookup): boolean {
  const values = answers.get(definition.screening.item) ?? []
  return values.length > 0 && values.every((value) => definition.screening.eligible.includes(value))
}

/**
 * The items a respondent is shown, in order, given their answers. A hidden section hides its
 * items. Answers to hidden items don't count (a changed earlier answer can hide an item that
 * was already answered). Until the screening answer is eligible, nothing after the screening
 * item is shown.
 */
export function visibleItems(definition: Definition, answers: AnswerLookup): Item[] {
  const shown: Item[] = []
  const shownAnswers = new Map<string, readonly number[]>()
  const conditionItems = itemsInConditions(definition)
  for (const section of definition.sections) {
    if (!isVisible(section, shownAnswers)) continue
    for (const item of section.items) {
      if (!isVisible(item, shownAnswers)) continue
      shown.push(item)
      if (conditionItems.has(item.code)) {
        const values = answers.get(item.code)
        if (values) shownAnswers.set(item.code, values)
      }
      if (item.code === definition.screening.item && !isEligible(definition, answers)) return shown
    }
  }
  return shown
}

const conditionItemsOf = new WeakMap<Definition, ReadonlySet<string>>()

/** The items some condition of `definition` looks at (the only answers visibleItems needs to keep). */
function itemsInConditions(definition: Definition): ReadonlySet<string> {
  let items = conditionItemsOf.get(definition)
  if (!items) {
    const codes = new Set<string>()
    for (const section of definition.sections) {
      if (section.showIf) codes.add(section.showIf.item)
      for (const item of section.items) if (item.showIf) codes.add(item.showIf.item)
    }
    conditionItemsOf.set(definition, (items = codes))
  }
  return items
}
