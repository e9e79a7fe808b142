import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import { neutraliseCell } from './neutralise'
import { PROGRESS_EVERY } from './rows'
import type { Cell, Table } from './table'

/*
 * CSV as RFC 4180 has it (csv-stringify): UTF-8 with a byte-order mark, so Excel reads the
 * Vietnamese as UTF-8 rather than the machine's code page; CRLF line ends; one header row of the
 * column keys. Numbers are written for machines ('.' decimal, no grouping, unrounded), not in
 * the Vietnamese display form: a spreadsheet opening the file converts them (ADR 020).
 */

/** The columns of every table, in order of first appearance: one header for the whole file. */
export function csvColumns(tables: readonly Table[]): string[] {
  return [...new Set(tables.flatMap((table) => table.columns.map((column) => column.key)))]
}

/**
 * Writes every table's rows under one header into `out`, then ends it; a table without a column
 * leaves that cell empty. `onRows` hears the running row count every PROGRESS_EVERY rows and at
 * the end. Returns the number of data rows.
 */
export async function writeCsv(tables: readonly Table[], out: NodeJS.WritableStream, onRows?: (n: number) => void): Promise<number> {
  const columns = csvColumns(tables)
  let count = 0
  async function* records() {
    for (const table of tables) {
      for await (const row of table.rows) {
        yield columns.map((key) => csvCell(row[key] ?? null))
        count += 1
        if (count % PROGRESS_EVERY === 0) onRows?.(count)
      }
    }
  }
  await pipeline(
    Readable.from(records()),
    stringify({ bom: true, header: true, columns, record_delimiter: 'windows' }),
    out,
  )
  onRows?.(count)
  return count
}

function csvCell(value: Cell): string {
  if (value === null) return ''
  if (typeof value === 'string') return neutraliseCell(value)
  return String(value)
}
