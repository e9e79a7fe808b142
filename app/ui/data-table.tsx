import type { Key, ReactNode } from 'react'
import { TableScroll } from '~/ui/table-scroll'

/** A column: its header alone (a plain text column), or its header and how its cells read. */
export type DataColumn = string | DataColumnSpec

export type DataColumnSpec = {
  label: ReactNode
  /** Figures, right-aligned: the header and every cell of the column get the class `num`. */
  numeric?: boolean
  /** The column whose cells head their rows; the first column unless one says so. */
  rowHeader?: boolean
}

/** A column of figures (counts, scores), right-aligned. */
export function numericColumn(label: ReactNode): DataColumnSpec {
  return { label, numeric: true }
}

export type DataRow = {
  key: Key
  /** One cell a column, in the order of the columns. */
  cells: readonly ReactNode[]
  className?: string
  /** A class for the row's header cell (e.g. `item-text` for a long question). */
  headerClassName?: string
  /** The row heads the rows after it: it starts a new `<tbody>` and its header has scope="rowgroup". */
  startsGroup?: boolean
}

/**
 * The one table of the application, for figures and for lists alike: a caption naming it for
 * screen readers (hidden when a heading just above already says it), column headers
 * (scope="col"), a header cell per row (scope="row", or "rowgroup" for a row heading a group),
 * numeric columns right-aligned, all in a scroller a keyboard can reach on a phone.
 */
export function DataTable({
  caption,
  hideCaption = false,
  columns,
  rows,
  className,
}: {
  caption: string
  hideCaption?: boolean
  columns: readonly DataColumn[]
  rows: readonly DataRow[]
  className?: string
}) {
  const specs = columns.map((column): DataColumnSpec => (typeof column === 'string' ? { label: column } : column))
  const headerAt = Math.max(
    0,
    specs.findIndex((column) => column.rowHeader),
  )
  const numeric = (at: number) => (specs[at]?.numeric ? 'num' : undefined)
  return (
    <TableScroll label={caption}>
      <table className={className}>
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {specs.map((column, at) => (
              <th key={at} scope="col" className={numeric(at)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        {rowGroups(rows).map((group, groupAt) => (
          <tbody key={group[0]?.key ?? groupAt}>
            {group.map((row) => (
              <tr key={row.key} className={row.className}>
                {row.cells.map((cell, at) =>
                  at === headerAt ? (
                    <th
                      key={at}
                      scope={row.startsGroup ? 'rowgroup' : 'row'}
                      className={[numeric(at), row.headerClassName].filter(Boolean).join(' ') || undefined}
                    >
                      {cell}
                    </th>
                  ) : (
                    <td key={at} className={numeric(at)}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </TableScroll>
  )
}

/** The rows split where a row starts a group; always at least one (possibly empty) body. */
function rowGroups(rows: readonly DataRow[]): DataRow[][] {
  const groups: DataRow[][] = [[]]
  for (const row of rows) {
    if (row.startsGroup && groups.at(-1)!.length > 0) groups.push([])
    groups.at(-1)!.push(row)
  }
  return groups
}
