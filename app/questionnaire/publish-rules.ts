import {
  CHOICE_KINDS,
  type Condition,
  type Definition,
  DefinitionSchema,
  type Item,
  type LocalizedText,
  allItems,
  positiveValues,
} from './definition'
import { conditionsByItem } from './kiosk-form'
import { coreByRule } from './short-form-design'
import { LANGUAGES } from '~/i18n/config'

/**
 * What blocks publishing a version, as a list a person can work through. Each problem's `code`
 * is an i18n key in the `questionnaire` namespace and `params` fill its placeholders. A draft
 * may break any of these rules; a published version breaks none (versions.server.ts checks).
 */
export type Problem = { code: string; params: Record<string, string | number> }

/** Parses a stored or submitted definition, then applies every publishing rule. */
export function publishProblems(input: unknown): Problem[] {
  const parsed = DefinitionSchema.safeParse(input)
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      // Our own schema messages are already keys; zod's built-in ones (wrong type…) are not.
      code: issue.message.startsWith('errors.') ? issue.message : 'errors.invalidDefinition',
      params: { path: issue.path.join('.') },
    }))
  }
  return definitionProblems(parsed.data)
}

export function definitionProblems(definition: Definition): Problem[] {
  return [
    ...translationProblems(definition),
    ...codeProblems(definition),
    ...optionProblems(definition),
    ...conditionProblems(definition),
    ...screeningProblems(definition),
    ...methodologyProblems(definition),
    ...kioskFormProblems(definition),
    ...shortFormProblems(definition),
  ]
}

/**
 * A short form (docs/decisions/027-short-forms.md) asks the core and one block: the core holds
 * what must be asked of everyone (the screening item, each element's "in general" item, and the
 * multi-select items, whose shares are over all of a unit's respondents),
 * every other item is in exactly one block so each is still asked of about 1/k of respondents,
 * and what decides whether an item is shown is asked to the same respondents as the item.
 */
function shortFormProblems(definition: Definition): Problem[] {
  const { shortForm } = definition
  if (!shortForm) return []
  const problems: Problem[] = []
  const conditions = conditionsByItem(definition)
  const core = new Set(shortForm.core)

  const multiSelect = new Set(allItems(definition).filter((item) => item.kind === 'multiSelect').map((item) => item.code))
  for (const code of coreByRule(definition)) {
    if (core.has(code)) continue
    problems.push(problem(multiSelect.has(code) ? 'shortFormMultiSelectOutsideCore' : 'shortFormCoreRequired', { item: code }))
  }

  if (shortForm.blocks.length < 2) problems.push(problem('shortFormTooFewBlocks'))
  for (const code of duplicates(shortForm.blocks.map((block) => block.code))) {
    problems.push(problem('shortFormDuplicateBlock', { block: code }))
  }
  for (const block of shortForm.blocks) {
    if (block.items.length === 0) problems.push(problem('shortFormEmptyBlock', { block: block.code }))
  }

  const placements = [...shortForm.core, ...shortForm.blocks.flatMap((block) => block.items)]
  for (const code of new Set(placements)) {
    if (!conditions.has(code)) problems.push(problem('shortFormUnknownItem', { item: code }))
  }
  for (const code of duplicates(placements)) problems.push(problem('shortFormItemTwice', { item: code }))
  const placed = new Set(placements)
  for (const item of allItems(definition)) {
    if (!placed.has(item.code)) problems.push(problem('shortFormItemMissing', { item: item.code }))
  }

  const outside = (asked: ReadonlySet<string>, code: string) =>
    (conditions.get(code) ?? []).filter((condition) => !asked.has(condition.item))
  for (const code of shortForm.core) {
    for (const condition of outside(core, code)) {
      problems.push(problem('shortFormCoreConditionOutside', { item: code, target: condition.item }))
    }
  }
  for (const block of shortForm.blocks) {
    const asked = new Set([...core, ...block.items])
    for (const code of block.items) {
      for (const condition of outside(asked, code)) {
        problems.push(problem('shortFormConditionOutside', { item: code, target: condition.item, block: block.code }))
      }
    }
  }
  return problems
}

/** A chosen kiosk form names items of the version, and asks every item its items' conditions look at. */
function kioskFormProblems(definition: Definition): Problem[] {
  if (!definition.kioskForm) return []
  const chosen = new Set([...definition.kioskForm.items, definition.screening.item])
  const conditions = conditionsByItem(definition)
  return definition.kioskForm.items.flatMap((code) => {
    if (!conditions.has(code)) return [problem('kioskFormUnknownItem', { item: code })]
    return (conditions.get(code) ?? [])
      .filter((condition) => !chosen.has(condition.item))
      .map((condition) => problem('kioskFormConditionOutside', { item: code, target: condition.item }))
  })
}

function problem(code: string, params: Problem['params'] = {}): Problem {
  return { code: `publish.${code}`, params }
}

function translationProblems(definition: Definition): Problem[] {
  const texts: [location: string, text: LocalizedText | undefined][] = [
    ['title', definition.title],
    ['intro', definition.intro],
    ['screening', definition.screening.endMessage],
  ]
  for (const section of definition.sections) {
    texts.push([section.code, section.title], [section.code, section.intro])
    for (const item of section.items) {
      texts.push([item.code, item.text], [item.code, item.help])
      for (const option of item.options ?? []) texts.push([`${item.code} = ${option.value}`, option.label])
    }
  }
  for (const element of definition.methodology.elements) texts.push([element.code, element.name])
  for (const aspect of definition.methodology.aspects) texts.push([aspect.code, aspect.name])
  for (const block of definition.shortForm?.blocks ?? []) texts.push([block.code, block.title])

  return texts.flatMap(([location, text]) =>
    text === undefined
      ? []
      : LANGUAGES.filter((language) => text[language].trim() === '').map((language) =>
          problem(language === 'vi' ? 'missingVietnamese' : 'missingEnglish', { location }),
        ),
  )
}

function codeProblems(definition: Definition): Problem[] {
  return [
    ...duplicates(allItems(definition).map((item) => item.code)).map((code) =>
      problem('duplicateItemCode', { code }),
    ),
    ...duplicates(definition.sections.map((section) => section.code)).map((code) =>
      problem('duplicateSectionCode', { code }),
    ),
    ...duplicates(definition.methodology.elements.map((element) => element.code)).map((code) =>
      problem('duplicateElementCode', { code }),
    ),
  ]
}

function optionProblems(definition: Definition): Problem[] {
  return allItems(definition).flatMap((item) => {
    if (!CHOICE_KINDS.includes(item.kind)) return []
    const values = (item.options ?? []).map((option) => option.value)
    if (values.length === 0) return [problem('choiceWithoutOptions', { item: item.code })]
    return duplicates(values).map((value) => problem('duplicateOptionValue', { item: item.code, value }))
  })
}

/** A condition may only look back: at an item asked before the item or section it controls. */
function conditionProblems(definition: Definition): Problem[] {
  const position = new Map(allItems(definition).map((item, index) => [item.code, index]))
  const problems: Problem[] = []
  let next = 0
  const check = (owner: string, condition: Condition | undefined, ownPosition: number, isItem: boolean) => {
    if (!condition) return
    const target = position.get(condition.item)
    if (isItem && condition.item === owner) {
      problems.push(problem('conditionOnItself', { item: owner }))
    } else if (target === undefined) {
      problems.push(problem('conditionUnknownItem', { item: owner, target: condition.item }))
    } else if (target >= ownPosition) {
      problems.push(problem('conditionLaterItem', { item: owner, target: condition.item }))
    }
    if (condition.op !== 'answered' && condition.value === undefined) {
      problems.push(problem('conditionWithoutValue', { item: owner }))
    }
  }
  for (const section of definition.sections) {
    check(section.code, section.showIf, next, false)
    for (const item of section.items) check(item.code, item.showIf, next++, true)
  }
  return problems
}

function screeningProblems(definition: Definition): Problem[] {
  const { screening } = definition
  const item = allItems(definition).find((candidate) => candidate.code === screening.item)
  if (!item) return [problem('screeningItemMissing', { item: screening.item })]
  if (!CHOICE_KINDS.includes(item.kind) || item.kind === 'multiSelect') {
    return [problem('screeningNotSingleChoice', { item: item.code })]
  }
  const values = new Set((item.options ?? []).map((option) => option.value))
  if (screening.eligible.length === 0 || screening.eligible.some((value) => !values.has(value))) {
    return [problem('screeningEligibleUnknown', { item: item.code })]
  }
  return []
}

function methodologyProblems(definition: Definition): Problem[] {
  const { methodology } = definition
  const items = new Map(allItems(definition).map((item) => [item.code, item]))
  const sectionOf = new Map(
    definition.sections.flatMap((section) => section.items.map((item) => [item.code, section.code] as const)),
  )
  const problems: Problem[] = []
  const owner = new Map<string, string>()

  for (const element of methodology.elements) {
    const members = [...element.items, ...(element.generalItem ? [element.generalItem] : [])]
    if (members.length === 0) problems.push(problem('elementWithoutItems', { element: element.code }))
    if (element.index === 'general' && !element.generalItem) {
      problems.push(problem('generalItemRequired', { element: element.code }))
    }
    for (const code of members) {
      const item = items.get(code)
      if (!item) {
        problems.push(problem('unknownMethodologyItem', { element: element.code, item: code }))
        continue
      }
      if (!hasRate(item)) problems.push(problem('elementItemWithoutRate', { element: element.code, item: code }))
      const previous = owner.get(code)
      // Item rows carry one element code, so an item can count towards one element only.
      if (previous !== undefined && previous !== element.code) {
        problems.push(problem('itemInTwoElements', { item: code, element: element.code, other: previous }))
      }
      owner.set(code, element.code)
    }
    // "In general" is asked right after the element's own items; elsewhere it reads as another question.
    const general = element.generalItem
    const sections = new Set(element.items.map((code) => sectionOf.get(code)).filter(Boolean))
    if (general && items.has(general) && sections.size > 0 && !sections.has(sectionOf.get(general))) {
      problems.push(problem('generalItemOutsideElement', { element: element.code, item: general }))
    }
  }

  const elementCodes = new Set(methodology.elements.map((element) => element.code))
  for (const aspect of methodology.aspects) {
    for (const code of aspect.elements) {
      if (!elementCodes.has(code)) problems.push(problem('unknownAspectElement', { aspect: aspect.code, element: code }))
    }
  }
  if (methodology.unitIndex === 'meanOfAspects' && methodology.aspects.length === 0) {
    problems.push(problem('aspectsRequired'))
  }
  return problems
}

/** An item that feeds an index needs a rate: a single answer with positive values. */
function hasRate(item: Item): boolean {
  return item.kind !== 'multiSelect' && positiveValues(item).length > 0
}

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>()
  const repeated = new Set<T>()
  for (const value of values) (seen.has(value) ? repeated : seen).add(value)
  return [...repeated]
}
