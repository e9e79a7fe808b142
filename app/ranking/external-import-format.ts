import type { CsvProblem } from '~/forms/csv-records'

/*
 * The CSV of other indices' scores (PAR INDEX, PAPI, PCI, DDCI), one score per unit, year and
 * index, as the import page documents it:
 *
 * - UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8" writes one); CRLF or LF.
 * - A header record naming the columns unit_code, year, index, score in any order, and
 *   optionally rank; other columns are ignored. Ranks are given for every unit of an index, year
 *   and peer group or for none, and follow the scores (published-ranks.ts).
 * - Separator: ',' or ';', whichever the header line uses. Excel set to Vietnamese writes ';'
 *   because ',' is its decimal mark, so a decimal comma (91,47) is accepted as well as 91.47.
 * - Fields may be double-quoted ("" for a quote inside); a quoted field may span lines.
 * - Blank records (empty lines, or only separators and spaces) are skipped; line numbers in
 *   errors are the file's own lines, header = line 1, and name the line where a record starts.
 *
 * This module holds what the import page shows; the parser is external-import.ts.
 */

export const EXTERNAL_SCORE_COLUMNS = ['unit_code', 'year', 'index', 'score'] as const
/**
 * The publisher's rank, optional: published tables rank on more precision than they print, so
 * two units printed with the same score can hold different ranks.
 */
export const RANK_COLUMN = 'rank'
/** Enough for every province and ministry, four indices, over decades. */
export const MAX_IMPORT_ROWS = 5_000
/** The earliest year any of these indices was published (PAPI started in 2009). */
export const MIN_SCORE_YEAR = 2009

/** A problem with the file, as an i18n key of the rankings namespace and its values. */
export type ImportProblem = CsvProblem
