import { type ExternalIndex, SCORE_RANGE, isExternalIndex } from './indices'

/*
 * The CSV of other indices' scores (PAR INDEX, PAPI, PCI, DDCI), one score per unit, year and
 * index. The format, as the import page documents it:
 *
 * - UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8" writes one); CRLF or LF.
 * - A header line naming the columns unit_code, year, index, score in any order; other columns
 *   are ignored.
 * - Separator: ',' or ';', whichever the header line uses. Excel set to Vietnamese writes ';'
 *   because ',' is its decimal mark, so a decimal comma (91,47) is accepted as well as 91.47.
 *   Fields may be double-quoted ("" for a quote inside); a field cannot span lines.
 * - Blank lines are skipped; line numbers in errors are the file's own, header = line 1.
 *
 * Parsing is pure: which unit codes exist in a year is asked of the caller.
 */

export const EXTERNAL_SCORE_COLUMNS = ['unit_code', 'year', 'index', 'score'] as const
/** Enough for every province and ministry, four indices, over decades. */
export const MAX_IMPORT_ROWS = 5_000
/** The earliest year any of these indices was published (PAPI started in 2009). */
export const MIN_SCORE_YEAR = 2009

export type ExternalScoreRow = { line: number; unitCode: string; year: number; index: ExternalIndex; score: number }

/** A problem with the file, as an i18n key of the rankings namespace and its values. */
export type ImportProblem = { line: number; key: string; values?: Record<string, string | number> }

export type ImportOptions = {
  /** Whether a unit with this code (province or ministry) existed in that year. */
  isKnownUnit: (code: string, year: number) => boolean
  /** Scores for years after this one are refused (a typo, not a forecast). */
  maxYear: number
}

export type ParsedImport = { rows: ExternalScoreRow[]; problems: ImportProblem[] }

type Column = (typeof EXTERNAL_SCORE_COLUMNS)[number]

export function parseExternalScores(text: string, options: ImportOptions): ParsedImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const headerIndex = lines.findIndex((line) => line.trim() !== '')
  if (headerIndex === -1) return { rows: [], problems: [{ line: 1, key: 'import.errors.empty' }] }

  const headerLine = lines[headerIndex]!
  const separator = detectSeparator(headerLine)
  const header = splitFields(headerLine, separator)
  if (header === null) return { rows: [], problems: [{ line: headerIndex + 1, key: 'import.errors.quote' }] }
  const names = header.map((name) => name.trim().toLowerCase().replace(/[\s-]+/g, '_'))
  const missing = EXTERNAL_SCORE_COLUMNS.filter((column) => !names.includes(column))
  if (missing.length > 0) {
    return { rows: [], problems: [{ line: headerIndex + 1, key: 'import.errors.header', values: { columns: missing.join(', ') } }] }
  }
  const position = Object.fromEntries(EXTERNAL_SCORE_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<Column, number>

  const rows: ExternalScoreRow[] = []
  const problems: ImportProblem[] = []
  const firstLineOf = new Map<string, number>()
  let dataLines = 0
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i]!
    if (raw.trim() === '') continue
    const line = i + 1
    dataLines += 1
    if (dataLines > MAX_IMPORT_ROWS) {
      problems.push({ line, key: 'import.errors.tooManyRows', values: { max: MAX_IMPORT_ROWS } })
      break
    }
    const fields = splitFields(raw, separator)
    if (fields === null) {
      problems.push({ line, key: 'import.errors.quote' })
      continue
    }
    if (fields.length !== header.length) {
      problems.push({ line, key: 'import.errors.fieldCount', values: { found: fields.length, expected: header.length } })
      continue
    }
    const parsed = parseRow(line, (column) => fields[position[column]]!.trim(), options, problems)
    if (!parsed) continue
    const key = JSON.stringify([parsed.unitCode, parsed.year, parsed.index])
    const first = firstLineOf.get(key)
    if (first !== undefined) {
      problems.push({ line, key: 'import.errors.duplicate', values: { first } })
      continue
    }
    firstLineOf.set(key, line)
    rows.push(parsed)
  }
  if (dataLines === 0) problems.push({ line: headerIndex + 1, key: 'import.errors.empty' })
  return { rows, problems }
}

/** Checks one row's fields, reporting every problem on the line rather than only the first. */
function parseRow(
  line: number,
  field: (column: Column) => string,
  options: ImportOptions,
  problems: ImportProblem[],
): ExternalScoreRow | null {
  const before = problems.length
  const unitCode = field('unit_code')
  const yearText = field('year')
  const indexText = field('index')
  const scoreText = field('score')

  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN
  const yearOk = Number.isInteger(year) && year >= MIN_SCORE_YEAR && year <= options.maxYear
  if (!yearOk) {
    problems.push({ line, key: 'import.errors.year', values: { value: yearText, min: MIN_SCORE_YEAR, max: options.maxYear } })
  }

  if (unitCode === '') problems.push({ line, key: 'import.errors.unitMissing' })
  else if (yearOk && !options.isKnownUnit(unitCode, year)) {
    problems.push({ line, key: 'import.errors.unit', values: { code: unitCode, year } })
  }

  const index = indexText.toUpperCase().replace(/[\s-]+/g, '_')
  if (index === 'SIPAS') problems.push({ line, key: 'import.errors.sipas' })
  else if (!isExternalIndex(index)) problems.push({ line, key: 'import.errors.index', values: { value: indexText } })

  const score = parseScore(scoreText)
  if (score === null) problems.push({ line, key: 'import.errors.score', values: { value: scoreText } })
  else if (isExternalIndex(index)) {
    const { min, max } = SCORE_RANGE[index]
    if (score < min || score > max) {
      problems.push({ line, key: 'import.errors.scoreRange', values: { value: scoreText, index, min, max } })
    }
  }

  if (problems.length > before || score === null || !isExternalIndex(index)) return null
  return { line, unitCode, year, index, score }
}

/** 91.47 or 91,47; no thousands separators, no exponents, no percent sign. */
function parseScore(text: string): number | null {
  if (!/^-?\d+(?:[.,]\d+)?$/.test(text)) return null
  return Number(text.replace(',', '.'))
}

/** The header decides: ';' when it has more semicolons than commas outside quotes. */
function detectSeparator(headerLine: string): ',' | ';' {
  const unquoted = headerLine.replace(/"[^"]*"/g, '')
  const count = (char: string) => unquoted.split(char).length - 1
  return count(';') > count(',') ? ';' : ','
}

/** Splits one line into fields, honouring double quotes; null when a quote is left open. */
function splitFields(line: string, separator: string): string[] | null {
  const fields: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"'
        i++
      } else if (char === '"') quoted = false
      else current += char
    } else if (char === '"' && current.trim() === '') {
      quoted = true
      current = ''
    } else if (char === separator) {
      fields.push(current)
      current = ''
    } else current += char
  }
  if (quoted) return null
  fields.push(current)
  return fields
}
