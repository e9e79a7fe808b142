import type { ReactNode } from 'react'
import { DataTable, type DataColumn } from './data-table'

/**
 * A list of records (users, agencies, kiosks…) in the one table: a row a record, keyed by its id,
 * with the caption hidden because the heading just above already names the list.
 */
export function ListTable<Item extends { id: string }>({
  caption,
  columns,
  items,
  cells,
}: {
  caption: string
  columns: readonly DataColumn[]
  items: readonly Item[]
  /** The record's cells, in the order of the columns. */
  cells: (item: Item) => readonly ReactNode[]
}) {
  return (
    <DataTable
      caption={caption}
      hideCaption
      columns={columns}
      rows={items.map((item) => ({ key: item.id, cells: cells(item) }))}
    />
  )
}
