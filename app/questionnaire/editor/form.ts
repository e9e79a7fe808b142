import type { Condition, Definition, Item, LocalizedText, Section } from '../definition'
import { defaultKioskFormItems } from '../kiosk-form'

/**
 * The editor form ⇄ definition. Field names follow positions: `s2.i3.text.vi` is the
 * Vietnamese text of the fourth item of the third section. Only fields present in the form
 * change anything, so a form showing part of the definition leaves the rest alone.
 */

export type FormValues = Readonly<Record<string, string>>

export const field = {
  section: (s: number, ...path: string[]) => [`s${s}`, ...path].join('.'),
  item: (s: number, i: number, ...path: string[]) => [`s${s}`, `i${i}`, ...path].join('.'),
  option: (s: number, i: number, o: number, ...path: string[]) => [`s${s}`, `i${i}`, `o${o}`, ...path].join('.'),
}

/** The definition with the form's edits applied, item code renames followed everywhere. */
export function applyForm(definition: Definition, values: FormValues): Definition {
  const next = structuredClone(definition)
  next.title = readText(values, 'title', next.title)
  next.intro = readOptionalText(values, 'intro', next.intro)
  next.screening.endMessage = readText(values, 'screening.endMessage', next.screening.endMessage)
  const renames = new Map<string, string>()
  const elementOf = new Map<string, string | null>()
  const onKiosk: string[] = []
  const placement = new Map<string, string>()
  next.sections.forEach((section, s) => {
    applySection(section, s, values)
    section.items.forEach((item, i) => {
      const before = item.code
      const applied = applyItem(item, s, i, values)
      const place = values[field.item(s, i, SHORT_FORM_PLACE)]
      if (place !== undefined) placement.set(item.code, place)
      if (!applied) return
      if (item.code !== before) renames.set(before, item.code)
      const element = values[field.item(s, i, 'element')]
      if (element !== undefined) elementOf.set(item.code, element === '' ? null : element)
      if (values[field.item(s, i, 'kiosk')] === 'on') onKiosk.push(item.code)
    })
  })
  followRenames(next, renames)
  assignElements(next, elementOf)
  if (values[KIOSK_FORM_FIELD] !== undefined) chooseKioskForm(next, onKiosk)
  if (next.shortForm && values[SHORT_FORM_FIELD] !== undefined) applyShortForm(next, next.shortForm, placement, values)
  return next
}

/** Present in an editor form that shows the short form's fields. */
export const SHORT_FORM_FIELD = 'shortForm'
/** The number of blocks the "propose" button splits into. */
export const SHORT_FORM_BLOCKS_FIELD = 'shortForm.blockCount'
/** Per item (`s2.i3.shortFormPlace`): `core` or the block's number from 1. */
export const SHORT_FORM_PLACE = 'shortFormPlace'
export const shortFormField = (block: number, ...path: string[]) => ['shortForm', `b${block}`, ...path].join('.')

/**
 * The blocks' codes and titles, and each item's place: the core or one block. An item whose
 * place names no block (or that the form did not show) keeps its place, in questionnaire order.
 */
function applyShortForm(
  definition: Definition,
  shortForm: NonNullable<Definition['shortForm']>,
  placement: ReadonlyMap<string, string>,
  values: FormValues,
) {
  shortForm.blocks.forEach((block, b) => {
    block.code = values[shortFormField(b, 'code')]?.trim() ?? block.code
    block.title = readText(values, shortFormField(b, 'title'), block.title)
  })
  const current = new Map<string, string>([
    ...shortForm.core.map((code) => [code, 'core'] as const),
    ...shortForm.blocks.flatMap((block, b) => block.items.map((code) => [code, String(b + 1)] as const)),
  ])
  const order = definition.sections.flatMap((section) => section.items.map((item) => item.code))
  const placeOf = (code: string) => {
    const chosen = placement.get(code)
    const valid = chosen === 'core' || shortForm.blocks[Number(chosen) - 1] !== undefined
    return chosen !== undefined && valid ? chosen : current.get(code)
  }
  // Codes placed before but no longer items (removed elsewhere) are kept, and reported by the rules.
  const codes = [...order, ...[...current.keys()].filter((code) => !order.includes(code))]
  shortForm.core = codes.filter((code) => placeOf(code) === 'core')
  shortForm.blocks.forEach((block, b) => {
    block.items = codes.filter((code) => placeOf(code) === String(b + 1))
  })
}

/** Present in an editor form that shows the "asked on kiosks" boxes (unticked boxes are not posted). */
export const KIOSK_FORM_FIELD = 'kioskForm'

/**
 * The ticked items become the kiosk form; the default's items (app/questionnaire/kiosk-form.ts)
 * leave it at the default, which keeps following the version as it is edited.
 */
function chooseKioskForm(definition: Definition, ticked: readonly string[]) {
  const chosen = new Set([...ticked, definition.screening.item])
  const defaults = new Set(defaultKioskFormItems({ ...definition, kioskForm: undefined }))
  const same = chosen.size === defaults.size && [...chosen].every((code) => defaults.has(code))
  if (same) delete definition.kioskForm
  else definition.kioskForm = { items: ticked.filter((code) => code !== definition.screening.item) }
}

function applySection(section: Section, s: number, values: FormValues) {
  section.title = readText(values, field.section(s, 'title'), section.title)
  section.intro = readOptionalText(values, field.section(s, 'intro'), section.intro)
  if (values[field.section(s, 'showIf.item')] !== undefined) {
    section.showIf = readCondition(values, field.section(s, 'showIf'))
  }
}

/** False when the item wasn't in the form. */
function applyItem(item: Item, s: number, i: number, values: FormValues): boolean {
  const code = values[field.item(s, i, 'code')]
  if (code === undefined) return false
  item.code = code.trim()
  const kind = values[field.item(s, i, 'kind')]
  if (kind) item.kind = kind as Item['kind']
  item.text = readText(values, field.item(s, i, 'text'), item.text)
  item.help = readOptionalText(values, field.item(s, i, 'help'), item.help)
  // Unticked checkboxes are absent from a form post.
  item.required = values[field.item(s, i, 'required')] === 'on'
  item.allowDontKnow = values[field.item(s, i, 'allowDontKnow')] === 'on'
  item.allowNotApplicable = values[field.item(s, i, 'allowNotApplicable')] === 'on'
  if (values[field.item(s, i, 'showIf.item')] !== undefined) {
    item.showIf = readCondition(values, field.item(s, i, 'showIf'))
  }
  item.options?.forEach((option, o) => {
    const value = values[field.option(s, i, o, 'value')]
    if (value !== undefined) option.value = Number(value)
    option.label = readText(values, field.option(s, i, o, 'label'), option.label)
  })
  return true
}

function readText(values: FormValues, name: string, current: LocalizedText): LocalizedText {
  return { vi: values[`${name}.vi`] ?? current.vi, en: values[`${name}.en`] ?? current.en }
}

/** An optional text left empty in both languages is removed. */
function readOptionalText(values: FormValues, name: string, current: LocalizedText | undefined) {
  const text = readText(values, name, current ?? { vi: '', en: '' })
  return text.vi.trim() === '' && text.en.trim() === '' ? undefined : text
}

function readCondition(values: FormValues, name: string): Condition | undefined {
  const item = values[`${name}.item`]?.trim()
  if (!item) return undefined
  const op = (values[`${name}.op`] ?? 'equals') as Condition['op']
  const numbers = (values[`${name}.value`] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map(Number)
  if (op === 'answered') return { item, op }
  if (op === 'in') return { item, op, value: numbers }
  return numbers.length === 0 ? { item, op } : { item, op, value: numbers[0] }
}

function followRenames(definition: Definition, renames: ReadonlyMap<string, string>) {
  if (renames.size === 0) return
  const rename = (code: string) => renames.get(code) ?? code
  definition.screening.item = rename(definition.screening.item)
  for (const element of definition.methodology.elements) {
    element.items = element.items.map(rename)
    if (element.generalItem) element.generalItem = rename(element.generalItem)
  }
  for (const section of definition.sections) {
    if (section.showIf) section.showIf.item = rename(section.showIf.item)
    for (const item of section.items) if (item.showIf) item.showIf.item = rename(item.showIf.item)
  }
  if (definition.kioskForm) definition.kioskForm.items = definition.kioskForm.items.map(rename)
  if (definition.shortForm) {
    definition.shortForm.core = definition.shortForm.core.map(rename)
    for (const block of definition.shortForm.blocks) block.items = block.items.map(rename)
  }
}

/** Element membership as chosen per item; an element's general item stays its general item. */
function assignElements(definition: Definition, elementOf: ReadonlyMap<string, string | null>) {
  if (elementOf.size === 0) return
  const order = definition.sections.flatMap((section) => section.items.map((item) => item.code))
  for (const element of definition.methodology.elements) {
    const kept = element.items.filter((code) => !elementOf.has(code))
    const chosen = order.filter((code) => elementOf.get(code) === element.code && code !== element.generalItem)
    element.items = [...kept, ...chosen].sort((a, b) => order.indexOf(a) - order.indexOf(b))
  }
}

/** The element each item counts towards, for the editor's element pickers. */
export function elementOfItems(definition: Definition): Map<string, string> {
  const result = new Map<string, string>()
  for (const element of definition.methodology.elements) {
    for (const code of element.items) result.set(code, element.code)
    if (element.generalItem) result.set(element.generalItem, element.code)
  }
  return result
}
