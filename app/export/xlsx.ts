import { once } from 'node:events'
import type { Stream, Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { LocalizedText } from '~/questionnaire/definition'
import { WORKBOOK_TEXTS } from './data-dictionary'
import { neutraliseCell } from './neutralise'
import { PROGRESS_EVERY } from './rows'
import type { Cell, Column, ColumnType, ExportMeta, Table } from './table'

/*
 * XLSX through exceljs's streaming writer: every row is committed as it is added, so a sheet of
 * a million rows never sits in memory. The first sheet says how the file was produced; then one
 * sheet per table, header frozen. Numbers are stored as numbers with format codes ('0.00'), which
 * Excel shows with the reader's decimal separator: 90,23 in a Vietnamese Excel (ADR 020).
 * The texts of the file are data in two languages, like the columns' labels (app/export/table.ts),
 * and one of them is chosen when the file is written.
 */

export type XlsxLanguage = 'vi' | 'en'

/** Format codes by column type; '0.00' and '0' use the locale's separators when shown. */
const NUMBER_FORMAT: Record<ColumnType, string | undefined> = {
  percent: '0.00',
  number: '0.00##',
  integer: '0',
  date: 'yyyy-mm-dd',
  boolean: undefined,
  string: undefined,
}

/** Column widths in characters, at least the header's length. */
const WIDTH: Record<ColumnType, number> = { percent: 10, number: 12, integer: 9, date: 12, boolean: 9, string: 22 }
const MAX_WIDTH = 48

/**
 * Writes the workbook into `out`, then ends it: the about sheet in `language`, then one sheet per
 * table. `onRows` hears the running row count every PROGRESS_EVERY rows and at the end. Returns
 * the number of data rows.
 */
export async function writeXlsx(
  meta: ExportMeta,
  tables: readonly Table[],
  out: NodeJS.WritableStream,
  language: XlsxLanguage,
  onRows?: (n: number) => void,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as Stream,
    // Styles carry the number formats; shared strings would keep every distinct text in memory.
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.created = new Date(meta.producedAt)
  writeAbout(workbook, meta, tables, language)
  let count = 0
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
    sheet.columns = table.columns.map((column) => ({
      key: column.key,
      header: column.label[language],
      width: Math.min(MAX_WIDTH, Math.max(WIDTH[column.type], column.label[language].length + 2)),
      style: NUMBER_FORMAT[column.type] ? { numFmt: NUMBER_FORMAT[column.type] } : {},
    }))
    sheet.getRow(1).font = { bold: true }
    sheet.getRow(1).commit()
    for await (const row of table.rows) {
      sheet.addRow(table.columns.map((column) => xlsxCell(column, row[column.key] ?? null))).commit()
      count += 1
      if (count % PROGRESS_EVERY === 0) {
        onRows?.(count)
        await caughtUp(sheet)
      }
    }
    sheet.commit()
  }
  await workbook.commit()
  onRows?.(count)
  return count
}

/** The parts of exceljs's worksheet stream (utils/stream-buf.js) and of what it writes into that backpressure needs. */
type SheetInternals = { stream?: { pipes?: Array<Writable & { _writableState?: { needDrain?: boolean } }> } }

/**
 * Waits until the zip has taken the rows written so far.
 * NOTE: exceljs's sheet stream passes its buffers on to the zip's entry stream without heeding
 * what write() answers, so rows added faster than they are compressed piled up in memory (1 MB
 * per 1,000 rows of 20 columns, linear in the rows). Waiting here for the entry stream to drain
 * keeps memory flat. The fields read are exceljs internals, read defensively: if they move in an
 * upgrade nothing waits, and xlsx.test.ts still passes but memory grows again.
 */
async function caughtUp(sheet: ExcelJS.Worksheet) {
  for (const pipe of (sheet as unknown as SheetInternals).stream?.pipes ?? []) {
    if (pipe.writableNeedDrain ?? pipe._writableState?.needDrain) await once(pipe, 'drain')
  }
}

function writeAbout(workbook: ExcelJS.stream.xlsx.WorkbookWriter, meta: ExportMeta, tables: readonly Table[], language: XlsxLanguage) {
  const t = (text: LocalizedText) => text[language]
  const sheet = workbook.addWorksheet(sheetName(t(WORKBOOK_TEXTS.aboutSheet)))
  sheet.columns = [{ width: 28 }, { width: 36 }, { width: 80 }]
  const add = (...values: string[]) => sheet.addRow(values.map(neutraliseCell)).commit()
  const heading = (text: string) => {
    const row = sheet.addRow([text])
    row.font = { bold: true }
    row.commit()
  }
  heading(t(WORKBOOK_TEXTS.title))
  add()
  add(t(WORKBOOK_TEXTS.period), `${t(meta.period.label)} (${meta.period.key})`)
  add(t(WORKBOOK_TEXTS.days), `${meta.period.from} – ${meta.period.to}`)
  add(t(WORKBOOK_TEXTS.methodology), meta.methodologyCodes.length > 0 ? meta.methodologyCodes.join(', ') : t(WORKBOOK_TEXTS.none))
  add(t(WORKBOOK_TEXTS.minN), String(meta.minN))
  add(t(WORKBOOK_TEXTS.suppression), t(meta.suppressionRule))
  add(t(WORKBOOK_TEXTS.producedAt), meta.producedAt)
  add(t(WORKBOOK_TEXTS.decimals))
  add()
  heading(t(WORKBOOK_TEXTS.filters))
  if (meta.filters.length === 0) add(t(WORKBOOK_TEXTS.none))
  for (const filter of meta.filters) add(t(filter.label), filter.value)
  add()
  heading(t(WORKBOOK_TEXTS.sheets))
  for (const table of tables) add(sheetName(table.name), t(table.title))
  add()
  heading(t(WORKBOOK_TEXTS.columns))
  add(t(WORKBOOK_TEXTS.column), t(WORKBOOK_TEXTS.header), t(WORKBOOK_TEXTS.description))
  const seen = new Set<string>()
  for (const column of tables.flatMap((table) => table.columns)) {
    if (seen.has(column.key)) continue
    seen.add(column.key)
    add(column.key, t(column.label), t(column.description))
  }
  sheet.commit()
}

function xlsxCell(column: Column, value: Cell): ExcelJS.CellValue {
  if (value === null) return null
  if (typeof value === 'string') {
    // A 'YYYY-MM-DD' date becomes a date cell (shown in the reader's date order).
    if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`)
    return neutraliseCell(value)
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null
  return value
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31)
}
