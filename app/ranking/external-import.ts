import { readCsvTable } from '~/forms/csv-records'
import {
  EXTERNAL_SCORE_COLUMNS,
  type ImportProblem,
  MAX_IMPORT_ROWS,
  MIN_SCORE_YEAR,
  RANK_COLUMN,
} from './external-import-format'
import { type ExternalIndex, SCORE_RANGE, isExternalIndex } from './indices'
import { type ScoredPeerGroup, type StoredScore, checkPublishedRanks } from './published-ranks'

/*
 * Parses the CSV of other indices' scores (the format: external-import-format.ts) with
 * csv-parse, then checks each record. Parsing is pure: which unit codes exist in a year is
 * asked of the caller.
 */

export type ExternalScoreRow = {
  line: number
  unitCode: string
  year: number
  index: ExternalIndex
  score: number
  /** The publisher's rank; null when the file gives none. */
  rank: number | null
}

export type ImportOptions = {
  /** The peer group of the unit with this code in that year; null when no unit had the code. */
  peerGroupOf: (code: string, year: number) => ScoredPeerGroup | null
  /** Scores for years after this one are refused (a typo, not a forecast). */
  maxYear: number
  /** Scores already stored, which published ranks in the file must agree with. */
  stored?: readonly StoredScore[]
}

export type ParsedImport = { rows: ExternalScoreRow[]; problems: ImportProblem[] }

type Column = (typeof EXTERNAL_SCORE_COLUMNS)[number] | typeof RANK_COLUMN

export function parseExternalScores(text: string, options: ImportOptions): ParsedImport {
  return readCsvTable<Column, ExternalScoreRow>(text, {
    required: EXTERNAL_SCORE_COLUMNS,
    optional: [RANK_COLUMN],
    maxRows: MAX_IMPORT_ROWS,
    parseRow: (line, field, problems) => parseRow(line, field, options, problems),
    keyOf: (row) => JSON.stringify([row.unitCode, row.year, row.index]),
    checkRows: (rows) => checkPublishedRanks(rows, options.stored ?? [], options.peerGroupOf),
  })
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
  const rankText = field(RANK_COLUMN)

  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN
  const yearOk = Number.isInteger(year) && year >= MIN_SCORE_YEAR && year <= options.maxYear
  if (!yearOk) {
    problems.push({ line, key: 'import.errors.year', values: { value: yearText, min: MIN_SCORE_YEAR, max: options.maxYear } })
  }

  if (unitCode === '') problems.push({ line, key: 'import.errors.unitMissing' })
  else if (yearOk && options.peerGroupOf(unitCode, year) === null) {
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

  const rank = rankText === '' ? null : /^\d+$/.test(rankText) && Number(rankText) >= 1 ? Number(rankText) : NaN
  if (Number.isNaN(rank)) problems.push({ line, key: 'import.errors.rank', values: { value: rankText } })

  if (problems.length > before || score === null || !isExternalIndex(index)) return null
  return { line, unitCode, year, index, score, rank }
}

/** 91.47 or 91,47; no thousands separators, no exponents, no percent sign. */
function parseScore(text: string): number | null {
  if (!/^-?\d+(?:[.,]\d+)?$/.test(text)) return null
  return Number(text.replace(',', '.'))
}
