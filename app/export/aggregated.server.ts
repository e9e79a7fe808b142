import type { AggregatedFilters } from './filters'
import type { ExportMeta, Table } from './table'

/** Whose units an export may list: null = national; a province user is limited to their province. */
export type ExportScope = { provinceId: string | null }

export async function aggregatedExport(
  _filters: AggregatedFilters,
  _scope: ExportScope,
  _now = new Date(),
): Promise<{ meta: ExportMeta; tables: Table[] }> {
  throw new Error('aggregatedExport: not yet written')
}

/** The number of rows the export will have, for progress. */
export async function countAggregatedRows(filters: AggregatedFilters, scope: ExportScope): Promise<number> {
  const { tables } = await aggregatedExport(filters, scope)
  return tables.reduce((sum, table) => sum + [...(table.rows as Iterable<unknown>)].length, 0)
}
