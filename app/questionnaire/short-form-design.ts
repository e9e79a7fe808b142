import { type Definition, allItems } from './definition'
import { conditionsByItem } from './kiosk-form'
import type { ShortForm } from './short-form'

/**
 * Designing a short form (docs/decisions/027-short-forms.md): the split the editor's "propose"
 * button and the demo seed start from, and the answer counts the editor shows for each form (its time: ./answering-time.ts).
 * Pure; the publishing rules (./publish-rules.ts) decide what may be published.
 */

/**
 * The items every respondent of a short form must be asked: the screening item, each element's
 * "in general" item (the element index of the 2023 design and the summary items of the 2017
 * one) and the multi-select items (their shares are over every respondent of a unit, so asking
 * them of a block would divide them by the number of blocks), plus whatever their display
 * conditions look at. The publishing rules require the same.
 */
export function requiredCoreItems(definition: Definition): string[] {
  const wanted = new Set(coreByRule(definition))
  const conditions = conditionsByItem(definition)
  // Conditions only look back (a publishing rule), so one pass from the end collects them all.
  for (const item of [...allItems(definition)].reverse()) {
    if (!wanted.has(item.code)) continue
    for (const condition of conditions.get(item.code) ?? []) wanted.add(condition.item)
  }
  return inQuestionnaireOrder(definition, wanted)
}

/** What the publishing rules require in the core, before conditions. */
export function coreByRule(definition: Definition): string[] {
  return [
    definition.screening.item,
    ...definition.methodology.elements.flatMap((element) => (element.generalItem ? [element.generalItem] : [])),
    ...allItems(definition)
      .filter((item) => item.kind === 'multiSelect')
      .map((item) => item.code),
  ]
}

/**
 * A balanced split into `blockCount` blocks: the required core, then the other items in blocks
 * of similar length (answers), each element's criteria dealt across the blocks so that every
 * element keeps criteria in as many blocks as it has criteria — a block never loses a whole
 * element, which keeps the items of one element from being asked only together. An item and the
 * items its display conditions look at stay in one block, so the form a respondent gets always
 * asks what decides what it shows.
 */
export function proposeShortForm(definition: Definition, blockCount: number): ShortForm {
  if (!Number.isInteger(blockCount) || blockCount < 2) throw new Error(`A short form needs at least two blocks, got ${blockCount}`)
  const core = requiredCoreItems(definition)
  const coreSet = new Set(core)
  const groups = conditionGroups(definition, coreSet)
  const blocks = Array.from({ length: blockCount }, () => new Set<string>())
  const assigned = new Set<string>()
  const assign = (group: readonly string[], block: number) => {
    for (const code of group) {
      blocks[block]!.add(code)
      assigned.add(code)
    }
  }
  const leastLoaded = (score: (block: number) => number) =>
    blocks
      .map((_, index) => index)
      .reduce((best, index) => {
        const [a, b] = [score(index), score(best)]
        return a < b || (a === b && blocks[index]!.size < blocks[best]!.size) ? index : best
      })

  for (const element of definition.methodology.elements) {
    const members = new Set(element.items)
    for (const code of element.items) {
      if (assigned.has(code) || coreSet.has(code)) continue
      const group = groups.get(code) ?? [code]
      const ofElement = (block: number) => [...blocks[block]!].filter((member) => members.has(member)).length
      assign(group, leastLoaded(ofElement))
    }
  }

  // The rest (demographics, perceptions, needs, the comment), longest groups first into the
  // shortest block: the classic greedy for equal loads.
  const rest = [...new Set([...groups.values()])].filter((group) => !group.some((code) => assigned.has(code)))
  rest.sort((a, b) => b.length - a.length)
  for (const group of rest) assign(group, leastLoaded((block) => blocks[block]!.size))

  return {
    core,
    blocks: blocks.map((items, index) => ({
      code: `b${index + 1}`,
      title: { vi: `Khối ${index + 1}`, en: `Block ${index + 1}` },
      items: inQuestionnaireOrder(definition, items),
    })),
  }
}

/** The answers each form asks at most (conditional items counted): the core, then core + each block. */
export function formLengths(shortForm: ShortForm): { core: number; blocks: number[] } {
  return {
    core: shortForm.core.length,
    blocks: shortForm.blocks.map((block) => shortForm.core.length + block.items.length),
  }
}

/**
 * The items outside the core, grouped so that an item and every non-core item its display
 * conditions (its own and its section's) look at share a group; keyed by each member's code.
 */
function conditionGroups(definition: Definition, core: ReadonlySet<string>): Map<string, string[]> {
  const parent = new Map<string, string>()
  const find = (code: string): string => {
    const up = parent.get(code) ?? code
    if (up === code) return code
    const root = find(up)
    parent.set(code, root)
    return root
  }
  const free = allItems(definition)
    .map((item) => item.code)
    .filter((code) => !core.has(code))
  for (const code of free) parent.set(code, code)
  const conditions = conditionsByItem(definition)
  for (const code of free) {
    for (const condition of conditions.get(code) ?? []) {
      if (parent.has(condition.item)) parent.set(find(code), find(condition.item))
    }
  }
  const byRoot = new Map<string, string[]>()
  for (const code of free) byRoot.set(find(code), [...(byRoot.get(find(code)) ?? []), code])
  return new Map(free.map((code) => [code, byRoot.get(find(code))!]))
}

function inQuestionnaireOrder(definition: Definition, codes: ReadonlySet<string>): string[] {
  return allItems(definition)
    .map((item) => item.code)
    .filter((code) => codes.has(code))
}
