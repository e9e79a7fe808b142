import type { ResponseBasis } from '~/aggregation/response-basis'
import type { LocalizedText } from '~/questionnaire/definition'

/*
 * What every export format writes: tables of typed columns, and the facts about how they were
 * produced. The format modules (csv.ts, xlsx.ts, json.ts) are pure writers of these; what goes in
 * them comes from the aggregation module (aggregated.server.ts) or the responses (microdata),
 * never from a second computation. ADR 020.
 */

/**
 * How a cell is typed, which decides its number format in XLSX and its type in JSON and in the
 * open-data package:
 * - `percent`: a percentage 0..100, unrounded in the data, shown with two decimals;
 * - `number`: any other number; `integer`: counts, ranks, codes that are numbers;
 * - `boolean`; `date`: 'YYYY-MM-DD'; `string`: everything else (codes, names, labels).
 */
export type ColumnType = 'string' | 'integer' | 'number' | 'percent' | 'boolean' | 'date'

export type Column = {
  /** The field name in CSV headers and JSON: ASCII snake_case, stable across releases. */
  key: string
  type: ColumnType
  /** The header shown to people (XLSX, the data dictionary). */
  label: LocalizedText
  description: LocalizedText
}

/** A text in both languages, for the tables' titles, headers and descriptions. */
export const text = (vi: string, en: string): LocalizedText => ({ vi, en })

/** A column; its header and description in both languages. */
export const column = (key: string, type: ColumnType, label: LocalizedText, description: LocalizedText): Column => ({ key, type, label, description })

export type Cell = string | number | boolean | null
export type Row = Record<string, Cell>

export type Table = {
  /** File and sheet name: ASCII, e.g. 'units', 'elements', 'items'. */
  name: string
  title: LocalizedText
  columns: readonly Column[]
  /** Sync for aggregated tables, async for microdata streamed from the database. */
  rows: Iterable<Row> | AsyncIterable<Row>
}

/** How a file was produced: the XLSX's first sheet, the JSON's `meta`, a CSV's companion. */
export type ExportMeta = {
  /** e.g. 'sipas-2023'; several when the period spans a break in the series. */
  methodologyCodes: readonly string[]
  /** The period's canonical text ('2025', '2025-Q2', …) and its days. */
  period: { key: string; from: string; to: string; label: LocalizedText }
  /** The filters as chosen, for the record: name → shown value. */
  filters: ReadonlyArray<{ label: LocalizedText; value: string }>
  /** Figures resting on fewer valid answers are suppressed. */
  minN: number
  /** Which responses the figures count (aggregated files; microdata lists every response). */
  responses?: ResponseBasis
  suppressionRule: LocalizedText
  /** ISO timestamp. */
  producedAt: string
}
