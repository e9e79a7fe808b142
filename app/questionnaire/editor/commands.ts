import { CHOICE_KINDS, type Definition, ITEM_KINDS, type Item, type ItemKind } from '../definition'
import { proposeShortForm } from '../short-form-design'

/**
 * The editor's structural commands. Each comes from the submit button pressed (`intent`), so
 * the editor works as plain form posts; the form's text edits are applied first (form.ts).
 */
export type EditorCommand =
  | { type: 'save' }
  | { type: 'addItem'; section: number; kind: ItemKind }
  | { type: 'removeItem'; section: number; item: number }
  | { type: 'moveItem'; section: number; item: number; by: -1 | 1 }
  | { type: 'addOption'; section: number; item: number }
  | { type: 'removeOption'; section: number; item: number; option: number }
  | { type: 'proposeShortForm'; blocks: number }
  | { type: 'clearShortForm' }

/** The block counts the editor offers: two blocks at least (a publishing rule), ten at most. */
export const SHORT_FORM_BLOCK_COUNTS = { min: 2, max: 10 } as const

/**
 * Reads an `intent` value such as `moveItem:2:3:-1`; null when it isn't one. The new item's kind
 * and the short form's number of blocks come from the fields beside their buttons.
 */
export function parseCommand(intent: string, newItemKind = 'satisfaction5', blockCount = ''): EditorCommand | null {
  const [type, ...rest] = intent.split(':')
  const numbers = rest.map(Number)
  if (numbers.some((value) => !Number.isInteger(value))) return null
  const [a = -1, b = -1, c = -1] = numbers
  switch (type) {
    case 'save':
    case 'clearShortForm':
      return numbers.length === 0 ? { type } : null
    case 'proposeShortForm': {
      const blocks = Number(blockCount)
      const { min, max } = SHORT_FORM_BLOCK_COUNTS
      return numbers.length === 0 && Number.isInteger(blocks) && blocks >= min && blocks <= max ? { type, blocks } : null
    }
    case 'addItem': {
      const kind = ITEM_KINDS.find((candidate) => candidate === newItemKind)
      return kind && numbers.length === 1 ? { type, section: a, kind } : null
    }
    case 'removeItem':
    case 'addOption':
      return numbers.length === 2 ? { type, section: a, item: b } : null
    case 'moveItem':
      return numbers.length === 3 && (c === -1 || c === 1) ? { type, section: a, item: b, by: c } : null
    case 'removeOption':
      return numbers.length === 3 ? { type, section: a, item: b, option: c } : null
    default:
      return null
  }
}

/** A new definition with the command applied; an out-of-range position changes nothing. */
export function applyCommand(definition: Definition, command: EditorCommand): Definition {
  const next = structuredClone(definition)
  if (command.type === 'save') return next
  if (command.type === 'proposeShortForm') return { ...next, shortForm: proposeShortForm(next, command.blocks) }
  if (command.type === 'clearShortForm') {
    delete next.shortForm
    return next
  }
  const section = next.sections[command.section]
  if (!section) return next
  if (command.type === 'addItem') {
    section.items.push(newItem(next, section.code, command.kind))
    return next
  }
  const item = section.items[command.item]
  if (!item) return next
  switch (command.type) {
    case 'removeItem':
      section.items.splice(command.item, 1)
      forgetItem(next, item.code)
      break
    case 'moveItem': {
      const target = command.item + command.by
      if (target < 0 || target >= section.items.length) break
      section.items.splice(command.item, 1)
      section.items.splice(target, 0, item)
      break
    }
    case 'addOption': {
      const options = (item.options ??= [])
      const value = Math.max(0, ...options.map((option) => option.value)) + 1
      options.push({ value, label: { vi: '', en: '' } })
      break
    }
    case 'removeOption':
      item.options?.splice(command.option, 1)
      break
  }
  return next
}

/** A blank item with a unique placeholder code; empty texts keep it from being published as is. */
function newItem(definition: Definition, sectionCode: string, kind: ItemKind): Item {
  const codes = new Set(definition.sections.flatMap((section) => section.items.map((item) => item.code)))
  let serial = 1
  while (codes.has(`${sectionCode}.new_${serial}`)) serial++
  return {
    code: `${sectionCode}.new_${serial}`,
    kind,
    text: { vi: '', en: '' },
    required: true,
    allowDontKnow: false,
    allowNotApplicable: false,
    ...(CHOICE_KINDS.includes(kind) ? { options: [{ value: 1, label: { vi: '', en: '' } }] } : {}),
  }
}

/** A removed item leaves the methodology and the kiosk form too; conditions on it stay and are reported. */
function forgetItem(definition: Definition, code: string) {
  for (const element of definition.methodology.elements) {
    element.items = element.items.filter((candidate) => candidate !== code)
    if (element.generalItem === code) delete element.generalItem
  }
  if (definition.kioskForm) definition.kioskForm.items = definition.kioskForm.items.filter((candidate) => candidate !== code)
  if (definition.shortForm) {
    definition.shortForm.core = definition.shortForm.core.filter((candidate) => candidate !== code)
    for (const block of definition.shortForm.blocks) block.items = block.items.filter((candidate) => candidate !== code)
  }
}
