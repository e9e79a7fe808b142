import type { UnitFigures } from '~/aggregation/unit-figures'
import { verifiedShare } from '~/aggregation/response-basis'
import { type Definition, type LocalizedText, allItems } from '~/questionnaire/definition'
import type { RankingRow, RankingTable } from '~/ranking/ranking-table'
import { AGGREGATED_COLUMNS } from './data-dictionary'
import type { ExportLevel } from './filters'
import { type Row, type Table, text } from './table'

/*
 * The aggregated export as tables: one row per unit × measure, the same columns in every table
 * (one per measure kind), so a CSV of them all is one file. The figures are those the pages
 * show, taken as they are from the aggregation and ranking modules (aggregated.server.ts reads
 * them); this module only lays them out. ADR 020.
 */

const MEASURE_KINDS = ['index', 'aspect', 'element', 'item'] as const
type MeasureKind = (typeof MEASURE_KINDS)[number]



const TABLE_TITLES: Record<MeasureKind, { name: string; title: LocalizedText }> = {
  index: { name: 'indices', title: text('Chỉ số', 'Indices') },
  aspect: { name: 'aspects', title: text('Nội dung đánh giá', 'Aspects') },
  element: { name: 'elements', title: text('Yếu tố', 'Elements') },
  item: { name: 'items', title: text('Câu hỏi', 'Items') },
}

const SIPAS_LABEL = text('Chỉ số hài lòng SIPAS', 'SIPAS satisfaction index')

/** A unit as the export names it. */
export type ExportUnit = { level: ExportLevel; code: string; name: string; nameEn: string }

/** A unit's rank in its peer group's ranking table, with the table's baseline; `table` names the table. */
export type UnitRank = { row: RankingRow; baseline: RankingTable['baseline']; table?: string }

/** One unit's figures in one series, as the export lays them out. */
export type FigureSet = {
  unit: ExportUnit
  methodologyCode: string
  definition: Definition
  /** n per index/aspect/element row; item rows carry each item's own n. */
  n: number
  excluded: number
  /** Verified respondents among n. */
  verified: number
  /** Unit figures carry intervals and suppression; national means have neither. */
  figures:
    | { kind: 'unit'; value: UnitFigures }
    | {
        kind: 'national'
        sipas: number | null
        aspects: Record<string, number | null>
        elements: Record<string, number | null>
        items: Record<string, { rate: number | null; n: number }>
      }
  /** The SIPAS rank, on the index row; absent when none applies. */
  rank?: UnitRank
}

type Rows = Record<MeasureKind, Row[]>

/** The export's tables: index, aspect, element and item rows of each figure set, in the order given. */
export function aggregatedTables(sets: readonly FigureSet[], externalIndexRows: readonly Row[] = []): Table[] {
  const rows: Rows = { index: [], aspect: [], element: [], item: [] }
  for (const set of sets) addRows(rows, set)
  rows.index.push(...externalIndexRows)
  return MEASURE_KINDS.map((kind) => ({ ...TABLE_TITLES[kind], columns: AGGREGATED_COLUMNS, rows: rows[kind] }))
}

/** The index row of an imported index: the published score and rank of a ranking row. */
export function externalIndexRow(unit: ExportUnit, index: string, rank: UnitRank): Row {
  return {
    ...unitCells(unit),
    measure_kind: 'index',
    measure_code: index,
    measure_label_vi: index.replace('_', ' '),
    measure_label_en: index.replace('_', ' '),
    ...figureCells(rank.row.score, null, null, null, false),
    ...rankCells(rank),
    excluded: null,
    verified: null,
    verified_share: null,
    methodology_code: null,
  }
}

function addRows(rows: Rows, set: FigureSet) {
  const { definition, figures } = set
  const methodology = definition.methodology
  const base = {
    ...unitCells(set.unit),
    excluded: set.excluded,
    verified: set.verified,
    verified_share: verifiedShare(set.verified, set.n),
    methodology_code: set.methodologyCode,
  }
  const measure = (kind: MeasureKind, code: string, label: LocalizedText) => ({
    measure_kind: kind,
    measure_code: code,
    measure_label_vi: label.vi,
    measure_label_en: label.en,
  })
  const row = (kind: MeasureKind, code: string, label: LocalizedText, cells: Row, rank?: UnitRank): Row => ({
    ...base,
    // A suppressed row writes no percentage at all; the verified count stays, like n.
    ...(cells.suppressed === true ? { verified_share: null } : {}),
    ...measure(kind, code, label),
    ...cells,
    ...rankCells(rank),
  })
  const figureItems = figures.kind === 'unit' ? figures.value.items : figures.items
  const itemCodes = allItems(definition).filter((item) => item.code in figureItems)

  if (figures.kind === 'unit') {
    const unit = figures.value
    const index = unit.intervals.sipas
    rows.index.push(
      row('index', 'SIPAS', SIPAS_LABEL, figureCells(unit.sipas, index?.low, index?.high, set.n, unit.suppressed, index?.margin), set.rank),
    )
    for (const aspect of methodology.aspects) {
      rows.aspect.push(row('aspect', aspect.code, aspect.name, figureCells(unit.aspects[aspect.code] ?? null, null, null, set.n, unit.suppressed)))
    }
    for (const element of methodology.elements) {
      const interval = unit.intervals.elements[element.code]
      const value = unit.elements[element.code] ?? null
      rows.element.push(
        row('element', element.code, element.name, figureCells(value, interval?.low, interval?.high, set.n, unit.suppressed, interval?.margin)),
      )
    }
    for (const item of itemCodes) {
      const rate = unit.items[item.code]!
      // A Wilson interval is not symmetric about the rate: its margin is half its width.
      const margin = rate.low === null || rate.high === null ? null : (rate.high - rate.low) / 2
      rows.item.push(row('item', item.code, item.text, figureCells(rate.rate, rate.low, rate.high, rate.n, rate.suppressed, margin)))
    }
    return
  }
  rows.index.push(row('index', 'SIPAS', SIPAS_LABEL, figureCells(figures.sipas, null, null, set.n, false)))
  for (const aspect of methodology.aspects) {
    rows.aspect.push(row('aspect', aspect.code, aspect.name, figureCells(figures.aspects[aspect.code] ?? null, null, null, set.n, false)))
  }
  for (const element of methodology.elements) {
    rows.element.push(row('element', element.code, element.name, figureCells(figures.elements[element.code] ?? null, null, null, set.n, false)))
  }
  for (const item of itemCodes) {
    const figure = figures.items[item.code]!
    rows.item.push(row('item', item.code, item.text, figureCells(figure.rate, null, null, figure.n, false)))
  }
}

function unitCells(unit: ExportUnit): Row {
  return { level: unit.level, unit_code: unit.code, unit_name_vi: unit.name, unit_name_en: unit.nameEn }
}

/**
 * A suppressed figure is never written: no percentage and no interval, only the flag and n. The
 * margin of error is the one the figure achieved (docs/methodology.md, "95 % intervals").
 */
function figureCells(
  value: number | null,
  low: number | null | undefined,
  high: number | null | undefined,
  n: number | null,
  suppressed: boolean,
  margin?: number | null,
): Row {
  const hidden = suppressed || value === null
  return {
    percentage: suppressed ? null : value,
    n,
    ci_low: hidden ? null : low ?? null,
    ci_high: hidden ? null : high ?? null,
    margin_of_error: hidden ? null : margin ?? null,
    suppressed,
  }
}

function rankCells(rank: UnitRank | undefined): Row {
  const change = rank?.row.change ?? null
  return {
    rank: rank?.row.rank ?? null,
    rank_change: typeof change === 'number' ? change : null,
    rank_baseline: change === 'reorganised' ? 'reorganised' : change === null ? null : rank?.baseline ?? null,
    group: rank?.row.group ?? null,
  }
}
