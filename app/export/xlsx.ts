import type { ExportMeta, Table } from './table'

/** Writes a workbook (about sheet, then one sheet per table) into `out`, then ends it. */
export async function writeXlsx(
  _meta: ExportMeta,
  _tables: readonly Table[],
  _out: NodeJS.WritableStream,
  _language: 'vi' | 'en',
  _onRows?: (n: number) => void,
): Promise<number> {
  throw new Error('writeXlsx: not yet written')
}
