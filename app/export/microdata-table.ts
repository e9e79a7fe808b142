import { QUALITY_FLAGS, type QualityFlagName } from '~/quality/flags'
import { type Definition, DONT_KNOW, type Item, type ItemKind, type LocalizedText, NOT_APPLICABLE, allItems } from '~/questionnaire/definition'
import { CODEBOOK_COLUMNS, RESPONSE_COLUMNS as DICTIONARY_RESPONSE_COLUMNS } from './data-dictionary'
import { type Column, column, type Row, type Table, text } from './table'

/*
 * The microdata export's variables and its codebook (ADR 020, "Microdata"): one row per
 * response, its codes, then one column per item of the versions in the export (their union in
 * questionnaire order). A single-answer item's column holds the value code; a multi-select item
 * has one 0/1 column per option (empty when the response did not answer the item). Free text is
 * no item column: it is the `comment` column, present only when comments were asked for and may
 * be read. microdata.server.ts turns the variables into SQL; this module only lays them out.
 */

/** A questionnaire version whose responses are in the export. */
export type MicrodataVersion = {
  id: string
  questionnaire: string
  version: number
  methodologyCode: string
  definition: Definition
  /** Item code → Item.id in this version. */
  itemIds: ReadonlyMap<string, number>
}

/** A response's own fields, in the order of the file's first columns. */
export const RESPONSE_FIELDS = [
  'response_id',
  'province_code',
  'agency_code',
  'service_point_code',
  'channel',
  'questionnaire',
  'version',
  'methodology',
  'submitted_on',
  'flags',
  'verified',
  'weight',
] as const
export type ResponseField = (typeof RESPONSE_FIELDS)[number] | 'comment'

/** Where a column's values come from. */
export type Variable =
  | { source: 'response'; field: ResponseField; column: Column }
  /** The value answered to the item, whichever of `itemIds` (one per version asking it) the response holds. */
  | { source: 'item'; code: string; itemIds: readonly number[]; column: Column }
  /** 1 when the option was ticked, 0 when another was; null when the item was not answered. */
  | { source: 'option'; code: string; value: number; itemIds: readonly number[]; column: Column }


const RESPONSE_COLUMNS = new Map(DICTIONARY_RESPONSE_COLUMNS.map((column) => [column.key, column]))
const responseColumn = (field: ResponseField): Column => {
  const column = RESPONSE_COLUMNS.get(field)
  if (!column) throw new Error(`the data dictionary has no response column '${field}'`)
  return column
}

/** Channel codes as stored, with their meaning. */
const CHANNELS: readonly [string, LocalizedText][] = [
  ['kiosk', text('Máy khảo sát tại điểm phục vụ', 'Kiosk at the service point')],
  ['phone', text('Điện thoại (mã QR, đường dẫn)', 'Phone (QR code, link)')],
  ['paper', text('Phiếu giấy, nhập liệu', 'Paper form, keyed in')],
  ['web', text('Trang web', 'Web page')],
]

/** Labels the codebook needs from the survey's locale texts (the scale points, non-answers, flags). */
export type CodebookLabels = {
  scale: Record<'satisfaction5' | 'agreement5', Record<1 | 2 | 3 | 4 | 5, LocalizedText>>
  dontKnow: LocalizedText
  notApplicable: LocalizedText
  flags: Record<QualityFlagName, LocalizedText>
}

/** An ASCII snake_case column key for an item code ('svc.access.seats' → 'svc_access_seats'). */
function keyOf(code: string): string {
  return code.replace(/[.-]/g, '_')
}

function optionSuffix(value: number): string {
  return value === DONT_KNOW ? 'dk' : value === NOT_APPLICABLE ? 'na' : String(value)
}

/** One item as the export sees it across versions: the latest version's wording, every version's ids and values. */
type MergedItem = { code: string; kind: ItemKind; item: Item; itemIds: number[]; values: Map<number, { label: LocalizedText; itemIds: number[] }> }

/**
 * The items of `versions` (ordered oldest first) in questionnaire order: a version's items keep
 * their order, and an item only an older version asks sits after the item it followed there.
 * Text items have no column.
 */
function mergeItems(versions: readonly MicrodataVersion[], labels: CodebookLabels): MergedItem[] {
  const merged: MergedItem[] = []
  for (const version of versions) {
    let previous = -1
    for (const item of allItems(version.definition)) {
      if (item.kind === 'text') continue
      const itemId = version.itemIds.get(item.code)
      if (itemId === undefined) continue
      let index = merged.findIndex((entry) => entry.code === item.code)
      if (index === -1) {
        index = previous + 1
        merged.splice(index, 0, { code: item.code, kind: item.kind, item, itemIds: [], values: new Map() })
      }
      const entry = merged[index]!
      entry.item = item
      entry.kind = item.kind
      entry.itemIds.push(itemId)
      for (const [value, label] of valuesOf(item, labels)) {
        const known = entry.values.get(value)
        if (known) {
          known.label = label
          known.itemIds.push(itemId)
        } else entry.values.set(value, { label, itemIds: [itemId] })
      }
      previous = index
    }
  }
  return merged
}

/** The codes an item's answers take, with their meaning (none for number items). */
function valuesOf(item: Item, labels: CodebookLabels): [number, LocalizedText][] {
  const main: [number, LocalizedText][] =
    item.kind === 'satisfaction5' || item.kind === 'agreement5'
      ? ([1, 2, 3, 4, 5] as const).map((value) => [value, labels.scale[item.kind as 'satisfaction5' | 'agreement5'][value]])
      : (item.options ?? []).map((option) => [option.value, option.label])
  return [
    ...main,
    ...(item.allowDontKnow ? [[DONT_KNOW, labels.dontKnow] as [number, LocalizedText]] : []),
    ...(item.allowNotApplicable ? [[NOT_APPLICABLE, labels.notApplicable] as [number, LocalizedText]] : []),
  ]
}

/** The export's variables, in column order. `versions` oldest first. */
export function microdataVariables(
  versions: readonly MicrodataVersion[],
  labels: CodebookLabels,
  options: { includeComments: boolean },
): Variable[] {
  const taken = new Set<string>()
  // Two codes may make one key ('a.b', 'a_b'), or a code a response field's ('weight'): the later one is numbered.
  const unique = (key: string) => {
    let candidate = key
    for (let n = 2; taken.has(candidate); n++) candidate = `${key}_${n}`
    taken.add(candidate)
    return candidate
  }
  const response = (field: ResponseField): Variable => ({ source: 'response', field, column: { ...responseColumn(field), key: unique(field) } })
  const variables: Variable[] = RESPONSE_FIELDS.map(response)
  for (const merged of mergeItems(versions, labels)) {
    const question = merged.item.text
    if (merged.kind !== 'multiSelect') {
      const type = merged.kind === 'number' ? 'number' : 'integer'
      variables.push({ source: 'item', code: merged.code, itemIds: merged.itemIds, column: column(unique(keyOf(merged.code)), type, text(merged.code, merged.code), question) })
      continue
    }
    for (const [value, { label, itemIds }] of [...merged.values].sort(([a], [b]) => optionOrder(a) - optionOrder(b))) {
      const key = unique(`${keyOf(merged.code)}__${optionSuffix(value)}`)
      const name = `${merged.code}:${optionSuffix(value)}`
      variables.push({
        source: 'option',
        code: merged.code,
        value,
        itemIds,
        column: column(key, 'integer', text(name, name), text(`${question.vi} — ${label.vi}`, `${question.en} — ${label.en}`)),
      })
    }
  }
  if (options.includeComments) variables.push(response('comment'))
  return variables
}

// Options in their coded order, the non-answers (negative codes) after them.
function optionOrder(value: number): number {
  return value < 0 ? 1_000_000 - value : value
}


/**
 * The codebook: for every variable a line saying what it holds, then a line per code it takes
 * (channels, quality flag bits, every answer option of every item, 0/1 of a multi-select option).
 */
export function codebookTable(variables: readonly Variable[], versions: readonly MicrodataVersion[], labels: CodebookLabels): Table {
  const values = new Map(mergeItems(versions, labels).map((merged) => [merged.code, merged.values]))
  const rows: Row[] = []
  const line = (variable: Variable, code: string | null, label: LocalizedText) =>
    rows.push({
      variable: variable.column.key,
      item_code: variable.source === 'response' ? null : variable.code,
      type: variable.column.type,
      code,
      label_vi: label.vi,
      label_en: label.en,
    })
  for (const variable of variables) {
    line(variable, null, variable.column.description)
    if (variable.source === 'response' && variable.field === 'channel') for (const [code, label] of CHANNELS) line(variable, code, label)
    if (variable.source === 'response' && variable.field === 'flags') {
      for (const [name, bit] of Object.entries(QUALITY_FLAGS)) line(variable, String(bit), labels.flags[name as QualityFlagName])
    }
    if (variable.source === 'response' && variable.field === 'verified') {
      line(variable, '1', text('Đã xác thực (phiếu đánh giá)', 'Verified (rating ticket)'))
      line(variable, '0', text('Không xác thực', 'Not verified'))
    }
    if (variable.source === 'item') {
      for (const [value, { label }] of values.get(variable.code) ?? []) line(variable, String(value), label)
    }
    if (variable.source === 'option') {
      line(variable, '1', text('Có chọn', 'Ticked'))
      line(variable, '0', text('Không chọn (đã trả lời câu hỏi)', 'Not ticked (the item was answered)'))
    }
  }
  return { name: 'codebook', title: text('Bảng mã', 'Codebook'), columns: CODEBOOK_COLUMNS, rows }
}
