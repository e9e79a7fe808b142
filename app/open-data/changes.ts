import { parse } from 'csv-parse/sync'

/*
 * What a correction changed: the data files of the previous release compared with the new ones,
 * row by row (rows matched on their key) and cell by cell. Published with the correction
 * as changes.json beside the notes people wrote, so a reader can check the notes against the
 * figures. ADR 022.
 */

/** How many changed cells, added and removed rows each file lists by name; the counts are complete. */
export const MAX_CHANGE_EXAMPLES = 20

/** A CSV file of a release, as its text and the columns that identify a row. */
export type CsvText = { name: string; text: string; rowKey: readonly string[] }

export type ChangeExample =
  | { kind: 'changed'; key: string; column: string; before: string; after: string }
  | { kind: 'added' | 'removed'; key: string }

export type FileChanges = {
  name: string
  status: 'added' | 'removed' | 'changed' | 'unchanged'
  columnsAdded: string[]
  columnsRemoved: string[]
  rowsAdded: number
  rowsRemoved: number
  rowsChanged: number
  cellsChanged: number
  examples: ChangeExample[]
}

export type ChangeSummary = {
  files: FileChanges[]
  totals: { rowsAdded: number; rowsRemoved: number; rowsChanged: number; cellsChanged: number }
}

type ParsedCsv = { header: string[]; rows: Map<string, Record<string, string>> }

/** Every CSV file of either release compared; files in neither order are listed by name. */
export function diffReleaseFiles(previous: readonly CsvText[], next: readonly CsvText[]): ChangeSummary {
  const names = [...new Set([...previous.map((file) => file.name), ...next.map((file) => file.name)])].sort()
  const files = names.map((name) => {
    const before = previous.find((file) => file.name === name)
    const after = next.find((file) => file.name === name)
    // A file's rows are matched on the new release's key (the old one's when the file is gone).
    const rowKey = (after ?? before)!.rowKey
    return diffFile(name, before ? parseCsv(before.text, rowKey) : null, after ? parseCsv(after.text, rowKey) : null)
  })
  const sum = (pick: (file: FileChanges) => number) => files.reduce((total, file) => total + pick(file), 0)
  return {
    files,
    totals: {
      rowsAdded: sum((file) => file.rowsAdded),
      rowsRemoved: sum((file) => file.rowsRemoved),
      rowsChanged: sum((file) => file.rowsChanged),
      cellsChanged: sum((file) => file.cellsChanged),
    },
  }
}

/** Whether the comparison found any difference at all. */
export function hasChanges(summary: ChangeSummary): boolean {
  return summary.files.some((file) => file.status !== 'unchanged')
}

function diffFile(name: string, before: ParsedCsv | null, after: ParsedCsv | null): FileChanges {
  const oldHeader = before?.header ?? []
  const newHeader = after?.header ?? []
  const changes: FileChanges = {
    name,
    status: 'unchanged',
    columnsAdded: newHeader.filter((column) => !oldHeader.includes(column)),
    columnsRemoved: oldHeader.filter((column) => !newHeader.includes(column)),
    rowsAdded: 0,
    rowsRemoved: 0,
    rowsChanged: 0,
    cellsChanged: 0,
    examples: [],
  }
  const example = (entry: ChangeExample) => {
    if (changes.examples.length < MAX_CHANGE_EXAMPLES) changes.examples.push(entry)
  }
  const oldRows = before?.rows ?? new Map<string, Record<string, string>>()
  const newRows = after?.rows ?? new Map<string, Record<string, string>>()
  const shared = newHeader.filter((column) => oldHeader.includes(column))
  for (const [key, row] of newRows) {
    const old = oldRows.get(key)
    if (!old) {
      changes.rowsAdded += 1
      example({ kind: 'added', key })
      continue
    }
    const changedColumns = shared.filter((column) => old[column] !== row[column])
    if (changedColumns.length > 0) changes.rowsChanged += 1
    for (const column of changedColumns) {
      changes.cellsChanged += 1
      example({ kind: 'changed', key, column, before: old[column] ?? '', after: row[column] ?? '' })
    }
  }
  for (const key of oldRows.keys()) {
    if (newRows.has(key)) continue
    changes.rowsRemoved += 1
    example({ kind: 'removed', key })
  }
  changes.status = !before
    ? 'added'
    : !after
      ? 'removed'
      : changes.rowsAdded + changes.rowsRemoved + changes.rowsChanged + changes.columnsAdded.length + changes.columnsRemoved.length > 0
        ? 'changed'
        : 'unchanged'
  return changes
}

/**
 * A CSV's rows by key: the key columns' values joined with ' / '. A key repeated in one file
 * (which the key should rule out) gets its occurrence number, so no row hides another.
 */
function parseCsv(text: string, rowKey: readonly string[]): ParsedCsv {
  const records = parse(text, { bom: true, columns: false, skip_empty_lines: true, relax_column_count: true }) as string[][]
  const [header = [], ...body] = records
  const rows = new Map<string, Record<string, string>>()
  const keyColumns = rowKey.filter((column) => header.includes(column))
  body.forEach((cells, at) => {
    const row = Object.fromEntries(header.map((column, index) => [column, cells[index] ?? '']))
    const base = keyColumns.length > 0 ? keyColumns.map((column) => row[column]).join(' / ') : `#${at + 1}`
    let key = base
    for (let occurrence = 2; rows.has(key); occurrence++) key = `${base} (${occurrence})`
    rows.set(key, row)
  })
  return { header, rows }
}
