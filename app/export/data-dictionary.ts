import { z } from 'zod'
import type { LocalizedText } from '~/questionnaire/definition'
import dictionary from './data-dictionary.json'
import type { Column } from './table'

/*
 * The exports' data dictionary (data-dictionary.json): every column's header and description and
 * the texts written into the files, in both languages. It is what a reader of an export or of an
 * open-data release is told about each field, so it is kept as data, edited as text, and checked
 * here when the module loads: a missing translation or an unknown type fails at start-up, not in
 * a file somebody has already downloaded.
 */

const TextSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) })
const ColumnSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]+$/),
  type: z.enum(['string', 'integer', 'number', 'percent', 'boolean', 'date']),
  label: TextSchema,
  description: TextSchema,
})
const textsOf = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((key) => [key, TextSchema])) as Record<K, typeof TextSchema>)

const FILTER_KEYS = ['level', 'peerGroup', 'index', 'methodologyCode', 'channel', 'province', 'version', 'comments', 'responses'] as const
const WORKBOOK_KEYS = [
  'aboutSheet', 'title', 'period', 'days', 'methodology', 'minN', 'suppression', 'producedAt',
  'filters', 'none', 'sheets', 'columns', 'column', 'header', 'description', 'decimals',
] as const

const DictionarySchema = z.object({
  aggregatedColumns: z.array(ColumnSchema),
  responseColumns: z.array(ColumnSchema),
  codebookColumns: z.array(ColumnSchema),
  filterLabels: textsOf(FILTER_KEYS),
  workbookTexts: textsOf(WORKBOOK_KEYS),
})

const parsed = DictionarySchema.parse(dictionary)

/** The columns of every aggregated table (indices, aspects, elements, items), in file order. */
export const AGGREGATED_COLUMNS: readonly Column[] = parsed.aggregatedColumns
/** The microdata's own fields of a response, before the item columns, in file order. */
export const RESPONSE_COLUMNS: readonly Column[] = parsed.responseColumns
/** The codebook's columns. */
export const CODEBOOK_COLUMNS: readonly Column[] = parsed.codebookColumns
/** How the filters an export was made with are named in its file. */
export const FILTER_LABELS: Record<(typeof FILTER_KEYS)[number], LocalizedText> = parsed.filterLabels
/** The texts of an XLSX file's first sheet. */
export const WORKBOOK_TEXTS: Record<(typeof WORKBOOK_KEYS)[number], LocalizedText> = parsed.workbookTexts
