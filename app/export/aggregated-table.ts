import type { UnitFigures } from '~/aggregation/unit-figures'
import { type Definition, type LocalizedText, allItems } from '~/questionnaire/definition'
import { elementIntervals, indexInterval } from '~/ranking/index-interval'
import type { RankingRow, RankingTable } from '~/ranking/ranking-table'
import type { ExportLevel } from './filters'
import { type Column, column, type Row, type Table, text } from './table'

/*
 * The aggregated export as tables: one row per unit × measure, the same columns in every table
 * (one per measure kind), so a CSV of them all is one file. The figures are those the pages
 * show, taken as they are from the aggregation and ranking modules (aggregated.server.ts reads
 * them); this module only lays them out. ADR 020.
 */

const MEASURE_KINDS = ['index', 'aspect', 'element', 'item'] as const
type MeasureKind = (typeof MEASURE_KINDS)[number]


const AGGREGATED_COLUMNS: readonly Column[] = [
  column('level', 'string', text('Cấp', 'Level'), text('Cấp đơn vị: national, province, agency hoặc servicePoint.', 'Unit level: national, province, agency or servicePoint.')),
  column('unit_code', 'string', text('Mã đơn vị', 'Unit code'), text('Mã của đơn vị (VN cho toàn quốc).', "The unit's code (VN for the national figures).")),
  column('unit_name_vi', 'string', text('Tên đơn vị', 'Unit name (Vietnamese)'), text('Tên đơn vị bằng tiếng Việt.', "The unit's name in Vietnamese.")),
  column('unit_name_en', 'string', text('Tên đơn vị (tiếng Anh)', 'Unit name'), text('Tên đơn vị bằng tiếng Anh.', "The unit's name in English.")),
  column('measure_kind', 'string', text('Loại chỉ tiêu', 'Measure kind'), text('index (chỉ số), aspect (nội dung), element (yếu tố) hoặc item (câu hỏi).', 'index, aspect, element or item.')),
  column('measure_code', 'string', text('Mã chỉ tiêu', 'Measure code'), text('Mã chỉ số, nội dung, yếu tố hoặc câu hỏi trong phương pháp.', 'The code of the index, aspect, element or item in the methodology.')),
  column('measure_label_vi', 'string', text('Chỉ tiêu', 'Measure (Vietnamese)'), text('Tên chỉ tiêu bằng tiếng Việt.', "The measure's name in Vietnamese.")),
  column('measure_label_en', 'string', text('Chỉ tiêu (tiếng Anh)', 'Measure'), text('Tên chỉ tiêu bằng tiếng Anh.', "The measure's name in English.")),
  column('percentage', 'percent', text('Tỷ lệ (%)', 'Percentage'), text(
    'Tỷ lệ hài lòng, từ 0 đến 100, chưa làm tròn; trống khi số liệu bị ẩn hoặc không có. Với chỉ số bên ngoài (PAR INDEX, PAPI, PCI, DDCI): điểm đã công bố, theo thang của chỉ số.',
    'Satisfaction percentage 0–100, unrounded; empty when suppressed or absent. For an imported index (PAR INDEX, PAPI, PCI, DDCI): the published score on its own scale.',
  )),
  column('n', 'integer', text('Số trả lời hợp lệ (n)', 'Valid n'), text(
    'Số người trả lời (chỉ số, nội dung, yếu tố) hoặc số câu trả lời hợp lệ (câu hỏi), sau khi loại phiếu bị gắn cờ; toàn quốc: tổng của các tỉnh.',
    'Respondents (index, aspect, element) or valid answers (item), after flagged responses are left out; national: the provinces\' total.',
  )),
  column('ci_low', 'percent', text('Cận dưới KTC 95%', '95% CI low'), text(
    'Cận dưới khoảng tin cậy 95% (câu hỏi: Wilson; chỉ số và yếu tố: chỉ số tính trên các cận của câu hỏi). Trống với nội dung và số liệu toàn quốc.',
    'Lower bound of the 95% interval (items: Wilson; index and elements: the index computed on the items\' bounds). Empty for aspects and national figures.',
  )),
  column('ci_high', 'percent', text('Cận trên KTC 95%', '95% CI high'), text('Cận trên khoảng tin cậy 95%.', 'Upper bound of the 95% interval.')),
  column('suppressed', 'boolean', text('Bị ẩn', 'Suppressed'), text(
    'true khi số liệu dựa trên ít hơn cỡ mẫu tối thiểu: khi đó không ghi tỷ lệ và khoảng tin cậy.',
    'true when the figure rests on fewer than the minimum n: no percentage or interval is then written.',
  )),
  column('rank', 'integer', text('Thứ hạng', 'Rank'), text(
    'Thứ hạng trong nhóm so sánh theo chỉ số đã chọn (chỉ ở dòng chỉ số; chỉ khi kỳ là một năm và không lọc theo kênh: bảng xếp hạng tính theo năm, mọi kênh).',
    'Rank in the peer group on the chosen index (index rows only; only when the period is a calendar year and no channel is chosen: rankings are yearly, over every channel).',
  )),
  column('rank_change', 'integer', text('Thay đổi thứ hạng', 'Rank change'), text(
    'Thứ hạng trước − thứ hạng nay (dương: tăng bậc).',
    'Previous rank − rank (positive: moved up).',
  )),
  column('rank_baseline', 'string', text('Mốc so sánh thứ hạng', 'Rank change baseline'), text(
    "previous (kỳ trước), pro-forma (kỳ trước tính lại theo đơn vị hiện nay) hoặc reorganised (đơn vị đã sắp xếp lại, không có mốc so sánh).",
    "previous (the previous period), pro-forma (the previous period re-aggregated over today's units) or reorganised (the unit was reorganised; nothing to compare with).",
  )),
  column('group', 'string', text('Nhóm xếp loại', 'Group'), text('Nhóm xếp loại theo ngưỡng điểm của năm.', "The group the score falls in by the year's thresholds.")),
  column('excluded', 'integer', text('Số phiếu bị loại', 'Flagged responses excluded'), text(
    'Số phiếu bị gắn cờ chất lượng và bị loại khỏi số liệu của đơn vị.',
    "Responses flagged by the quality checks and left out of the unit's figures.",
  )),
  column('methodology_code', 'string', text('Phương pháp', 'Methodology'), text('Mã phương pháp (bộ chuỗi số liệu) của số liệu, ví dụ sipas-2023.', 'The methodology series of the figure, e.g. sipas-2023.')),
]

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
    methodology_code: null,
  }
}

function addRows(rows: Rows, set: FigureSet) {
  const { definition, figures } = set
  const methodology = definition.methodology
  const base = { ...unitCells(set.unit), excluded: set.excluded, methodology_code: set.methodologyCode }
  const measure = (kind: MeasureKind, code: string, label: LocalizedText) => ({
    measure_kind: kind,
    measure_code: code,
    measure_label_vi: label.vi,
    measure_label_en: label.en,
  })
  const row = (kind: MeasureKind, code: string, label: LocalizedText, cells: Row, rank?: UnitRank): Row => ({
    ...base,
    ...measure(kind, code, label),
    ...cells,
    ...rankCells(rank),
  })
  const figureItems = figures.kind === 'unit' ? figures.value.items : figures.items
  const itemCodes = allItems(definition).filter((item) => item.code in figureItems)

  if (figures.kind === 'unit') {
    const unit = figures.value
    const index = indexInterval(methodology, unit.items)
    const elements = elementIntervals(methodology, unit.items)
    rows.index.push(row('index', 'SIPAS', SIPAS_LABEL, figureCells(unit.sipas, index?.low, index?.high, set.n, unit.suppressed), set.rank))
    for (const aspect of methodology.aspects) {
      rows.aspect.push(row('aspect', aspect.code, aspect.name, figureCells(unit.aspects[aspect.code] ?? null, null, null, set.n, unit.suppressed)))
    }
    for (const element of methodology.elements) {
      const interval = elements[element.code]
      rows.element.push(
        row('element', element.code, element.name, figureCells(unit.elements[element.code] ?? null, interval?.low, interval?.high, set.n, unit.suppressed)),
      )
    }
    for (const item of itemCodes) {
      const rate = unit.items[item.code]!
      rows.item.push(row('item', item.code, item.text, figureCells(rate.rate, rate.low, rate.high, rate.n, rate.suppressed)))
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

/** A suppressed figure is never written: no percentage and no interval, only the flag and n. */
function figureCells(value: number | null, low: number | null | undefined, high: number | null | undefined, n: number | null, suppressed: boolean): Row {
  return {
    percentage: suppressed ? null : value,
    n,
    ci_low: suppressed || value === null ? null : low ?? null,
    ci_high: suppressed || value === null ? null : high ?? null,
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
