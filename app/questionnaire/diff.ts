import { type Definition, type Item, allItems, positiveValues } from './definition'

/**
 * Item equivalence across versions: the same code is the same question. An item whose coding
 * changed (kind, option values, positive answers) keeps its code but its figures no longer
 * compare across the two versions; a wording change keeps them comparable.
 */

export type ItemChange = 'wording' | 'coding' | 'display'

export type VersionDiff = {
  added: string[]
  removed: string[]
  changed: { code: string; changes: ItemChange[] }[]
}

export function diffVersions(before: Definition, after: Definition): VersionDiff {
  const old = itemsByCode(before)
  const current = itemsByCode(after)
  const changed: VersionDiff['changed'] = []
  for (const [code, item] of current) {
    const previous = old.get(code)
    if (!previous) continue
    const changes = itemChanges(previous, item)
    if (changes.length > 0) changed.push({ code, changes })
  }
  return {
    added: [...current.keys()].filter((code) => !old.has(code)),
    removed: [...old.keys()].filter((code) => !current.has(code)),
    changed,
  }
}

/** Codes asked in both versions with the same coding, in the later version's order. */
export function comparableItems(before: Definition, after: Definition): string[] {
  const old = itemsByCode(before)
  return allItems(after)
    .filter((item) => {
      const previous = old.get(item.code)
      return previous !== undefined && !itemChanges(previous, item).includes('coding')
    })
    .map((item) => item.code)
}

function itemChanges(before: Item, after: Item): ItemChange[] {
  const changes: ItemChange[] = []
  if (!same(wording(before), wording(after))) changes.push('wording')
  if (!same(coding(before), coding(after))) changes.push('coding')
  if (!same(display(before), display(after))) changes.push('display')
  return changes
}

const wording = (item: Item) => [item.text, item.help ?? null, (item.options ?? []).map((option) => option.label)]

const coding = (item: Item) => [
  item.kind,
  (item.options ?? []).map((option) => option.value),
  positiveValues(item),
  item.allowDontKnow,
  item.allowNotApplicable,
]

// Who is asked and whether they must answer: doesn't change what an answer means.
const display = (item: Item) => [item.required, item.showIf ?? null, item.min ?? null, item.max ?? null]

function itemsByCode(definition: Definition): Map<string, Item> {
  return new Map(allItems(definition).map((item) => [item.code, item]))
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
