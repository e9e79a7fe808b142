import { parse } from 'csv-parse/sync'

/*
 * Reading a CSV file a person uploads (imports of other indices' scores, sampling plans), with
 * csv-parse, so every import reads files the same way:
 *
 * - UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8" writes one); CRLF, LF or CR.
 * - Separator: ',' or ';', whichever the header line uses (Excel set to Vietnamese writes ';',
 *   since ',' is its decimal mark).
 * - Fields may be double-quoted ("" for a quote inside); a quoted field may span lines.
 * - Blank records (empty lines, or only separators and spaces) are skipped; each record carries
 *   the file's line it starts on (header = line 1), which the import's errors name.
 *
 * What the records must hold is each import's own business: readCsvTable runs the checks every
 * import shares (header, row limit, field count, duplicates, the end of the file) around it.
 */

/** A header's column name as imports compare it: trimmed, lower case, spaces and hyphens as '_'. */
function csvColumnName(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_')
}

type CsvRecord = { line: number; fields: string[] }

/** A problem with the file or one of its lines: an i18n key of the import's namespace and its values. */
export type CsvProblem = { line: number; key: string; values?: Record<string, string | number> }

export type CsvTable<Column extends string, Row> = {
  required: readonly Column[]
  optional?: readonly Column[]
  maxRows: number
  /** Checks one record (a column the file lacks reads ''), reporting every problem of its line; null when refused. */
  parseRow: (line: number, field: (column: Column) => string, problems: CsvProblem[]) => Row | null
  /** Rows with the same key are one row given twice: the later lines are refused, naming the first. */
  keyOf: (row: Row) => string
  duplicateValues?: (row: Row) => Record<string, string | number>
  /** Checks across the accepted rows (e.g. ranks against scores), after every line's own. */
  checkRows?: (rows: Row[]) => CsvProblem[]
}

/**
 * An uploaded table's accepted rows and every problem of every line, in line order, so one
 * upload shows all there is to fix. Keys: import.errors.{empty, quote, header, tooManyRows,
 * fieldCount, duplicate} besides the import's own.
 */
export function readCsvTable<Column extends string, Row>(
  text: string,
  table: CsvTable<Column, Row>,
): { rows: Row[]; problems: CsvProblem[] } {
  const { records, unclosedQuoteLine } = readCsvRecords(text)
  const [header, ...data] = records
  if (!header) {
    return { rows: [], problems: [{ line: unclosedQuoteLine ?? 1, key: unclosedQuoteLine ? 'import.errors.quote' : 'import.errors.empty' }] }
  }
  const names = header.fields.map(csvColumnName)
  const missing = table.required.filter((column) => !names.includes(column))
  if (missing.length > 0) {
    return { rows: [], problems: [{ line: header.line, key: 'import.errors.header', values: { columns: missing.join(', ') } }] }
  }
  const position = new Map([...table.required, ...(table.optional ?? [])].map((column) => [column, names.indexOf(column)]))

  const rows: Row[] = []
  const problems: CsvProblem[] = []
  const firstLineOf = new Map<string, number>()
  for (const [count, { line, fields }] of data.entries()) {
    if (count === table.maxRows) {
      problems.push({ line, key: 'import.errors.tooManyRows', values: { max: table.maxRows } })
      break
    }
    if (fields.length !== header.fields.length) {
      problems.push({ line, key: 'import.errors.fieldCount', values: { found: fields.length, expected: header.fields.length } })
      continue
    }
    const row = table.parseRow(line, (column) => fields[position.get(column) ?? -1]?.trim() ?? '', problems)
    if (!row) continue
    const key = table.keyOf(row)
    const first = firstLineOf.get(key)
    if (first !== undefined) {
      problems.push({ line, key: 'import.errors.duplicate', values: { ...table.duplicateValues?.(row), first } })
      continue
    }
    firstLineOf.set(key, line)
    rows.push(row)
  }
  if (table.checkRows) {
    problems.push(...table.checkRows(rows))
    problems.sort((a, b) => a.line - b.line)
  }
  // An unclosed quote swallows the rest of the file into one field, so it comes last.
  if (unclosedQuoteLine !== null) problems.push({ line: unclosedQuoteLine, key: 'import.errors.quote' })
  else if (data.length === 0) problems.push({ line: header.line, key: 'import.errors.empty' })
  return { rows, problems }
}

/**
 * The file's non-blank records, each with the line it starts on, and the line of a quote left
 * open (which csv-parse reports once, at the end of the file).
 *
 * NOTE: csv-parse's own `info.lines` is the line a record ends on and counts the CR and the LF
 * of a quoted CRLF as two lines, so lines are counted here from `info.bytes`, the offset where
 * each record ends: with blank records kept, a record starts where the previous one ended.
 */
function readCsvRecords(text: string): { records: CsvRecord[]; unclosedQuoteLine: number | null } {
  const lineAt = lineLocator(new TextEncoder().encode(text))
  const records: CsvRecord[] = []
  let start = 0
  let unclosedQuoteLine: number | null = null
  parse(text, {
    bom: true,
    delimiter: detectSeparator(text),
    relax_column_count: true,
    // A quote inside an unquoted field is kept as text (then fails the field's own check).
    relax_quotes: true,
    skip_records_with_error: true,
    on_record: (fields: string[], info) => {
      if (fields.some((field) => field.trim() !== '')) records.push({ line: lineAt(start), fields })
      start = info.bytes
      return null
    },
    on_skip: (error) => {
      if (error?.code !== 'CSV_QUOTE_NOT_CLOSED') throw error
      unclosedQuoteLine = lineAt(start)
    },
  })
  return { records, unclosedQuoteLine }
}

/** Line number (from 1) of a byte offset; CRLF, LF and a lone CR each end a line. */
function lineLocator(bytes: Uint8Array): (offset: number) => number {
  const lineStarts = [0]
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) lineStarts.push(i + 1)
  }
  return (offset) => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (lineStarts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return low + 1
  }
}

/**
 * The header line decides: ';' when it has more semicolons than commas outside quotes. The
 * separator must be known before parsing, since a ';' file's decimal commas are not separators.
 */
function detectSeparator(text: string): ',' | ';' {
  const headerLine = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? ''
  const unquoted = headerLine.replace(/"[^"]*"/g, '')
  const count = (char: string) => unquoted.split(char).length - 1
  return count(';') > count(',') ? ';' : ','
}
