import type { Row, Table } from '~/export/table'

/*
 * The last check before anything is published: an open-data release holds aggregated figures
 * only. Whatever the aggregated export becomes, a release refuses a table that names a
 * microdata column or shows a figure for a unit whose figures are suppressed. ADR 022.
 */

/**
 * Columns that would make a file microdata or carry personal data: one response, its time, its
 * device or sheet, a citizen's words. Matched on the whole key or its first word.
 */
const MICRODATA_COLUMN =
  /^(response|responses_?id|respondent|answer|comment|comments|submitted|device|kiosk|sheet|batch|session|ip|email|phone|token)(_|$)/

export function isMicrodataColumn(key: string): boolean {
  return MICRODATA_COLUMN.test(key)
}

export class UnpublishableTableError extends Error {}

/** Throws unless every table holds only aggregated columns. */
export function assertNoMicrodata(tables: readonly Pick<Table, 'name' | 'columns'>[]): void {
  for (const table of tables) {
    const offending = table.columns.filter((column) => isMicrodataColumn(column.key)).map((column) => column.key)
    if (offending.length > 0) {
      throw new UnpublishableTableError(`Table ${table.name} has microdata columns: ${offending.join(', ')}`)
    }
  }
}

/** The column saying a row's figures are withheld (fewer valid answers than the minimum n). */
const SUPPRESSED_COLUMN = 'suppressed'

/**
 * Throws if a suppressed row shows a figure. A row is suppressed when its `suppressed` column is
 * true; then every figure (number and percentage columns) must be empty. Counts (`integer`
 * columns: the number of answers, a rank) stay, as on the public pages.
 */
export function assertSuppressedCellsEmpty(tables: readonly Pick<Table, 'name' | 'columns' | 'rows'>[]): void {
  for (const table of tables) {
    const figures = table.columns.filter((column) => column.type === 'number' || column.type === 'percent')
    for (const row of table.rows as Iterable<Row>) {
      if (row[SUPPRESSED_COLUMN] !== true) continue
      const shown = figures.filter((column) => row[column.key] !== null && row[column.key] !== undefined)
      if (shown.length > 0) {
        throw new UnpublishableTableError(`Table ${table.name} shows suppressed figures: ${shown.map((c) => c.key).join(', ')}`)
      }
    }
  }
}
