import type { ReactNode } from 'react'
import { DataTable, type DataColumn } from './data-table'

/**
 * A list of records (users, agencies, kiosks…) in the one table: a row a record, keyed by its id,
 * with the caption hidden because the heading just above already names the list. With `empty`,
 * an empty list is that sentence instead of a table with no rows.
 */
export function ListTable<Item extends { id: string }>({
  caption,
  columns,
  items,
  cells,
  empty,
}: {
  caption: string
  columns: readonly DataColumn[]
  items: readonly Item[]
  /** The record's cells, in the order of the columns. */
  cells: (item: Item) => readonly ReactNode[]
  /** What to say when there is nothing to list ("No token issued yet"). */
  empty?: string
}) {
  if (empty !== undefined && items.length === 0) return <p>{empty}</p>
  return (
    <DataTable
      caption={caption}
      hideCaption
      columns={columns}
      rows={items.map((item) => ({ key: item.id, cells: cells(item) }))}
    />
  )
}
