import { createHash } from 'node:crypto'
import { Writable } from 'node:stream'
import { readFigures } from '~/aggregation/figure-reads.server'
import { aggregatedExport } from '~/export/aggregated.server'
import { csvColumns, writeCsv } from '~/export/csv'
import { AggregatedFiltersSchema, type ExportLevel } from '~/export/filters'
import { writeJson } from '~/export/json'
import type { Column, ExportMeta, Row, Table } from '~/export/table'
import type { LocalizedText } from '~/questionnaire/definition'
import { type ChangeSummary, type CsvText, diffReleaseFiles } from './changes'
import { buildDataPackage, type CsvFile, type OtherFile, sha256Sums } from './data-package'
import { assertNoMicrodata, assertSuppressedCellsEmpty } from './publishable'

/*
 * The files of an open-data release, computed from the aggregated export at national (public)
 * scope: one CSV per level of units, one JSON of every table, changes.json on a correction, the
 * data package describing them and SHA256SUMS. ADR 022.
 */

/** One CSV per level: a level's tables share their columns, so a file is one table to a reader. */
const LEVEL_FILES: ReadonlyArray<{ level: ExportLevel; name: string; title: LocalizedText; description: LocalizedText }> = [
  {
    level: 'national',
    name: 'national.csv',
    title: { vi: 'Số liệu cả nước', en: 'National figures' },
    description: { vi: 'Các chỉ số của cả nước.', en: 'The indices for the whole country.' },
  },
  {
    level: 'province',
    name: 'provinces.csv',
    title: { vi: 'Số liệu theo tỉnh, thành phố', en: 'Figures by province' },
    description: { vi: 'Các chỉ số của từng tỉnh, thành phố.', en: 'The indices of each province and city.' },
  },
  {
    level: 'agency',
    name: 'agencies.csv',
    title: { vi: 'Số liệu theo cơ quan', en: 'Figures by agency' },
    description: {
      vi: 'Các chỉ số của từng cơ quan: sở, ngành, Ủy ban nhân dân cấp xã, bộ.',
      en: 'The indices of each agency: departments, communes and wards, ministries.',
    },
  },
  {
    level: 'servicePoint',
    name: 'service-points.csv',
    title: { vi: 'Số liệu theo điểm phục vụ', en: 'Figures by service point' },
    description: { vi: 'Các chỉ số của từng điểm phục vụ.', en: 'The indices of each service point.' },
  },
]

const JSON_FILE = 'figures.json'
export const CHANGES_FILE = 'changes.json'
export const PACKAGE_FILE = 'datapackage.json'
const SUMS_FILE = 'SHA256SUMS'

const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8'
const JSON_MEDIA_TYPE = 'application/json'
const PACKAGE_MEDIA_TYPE = 'application/json'
const SUMS_MEDIA_TYPE = 'text/plain; charset=utf-8'

export type ReleaseFile = { name: string; mediaType: string; content: Buffer; bytes: number; sha256: string }

/** The release a new one corrects: its version and its CSV files as stored. */
export type PreviousRelease = { version: number; csv: readonly CsvText[] }

export type ReleaseBuild = {
  period: ExportMeta['period']
  methodologyCodes: readonly string[]
  files: ReleaseFile[]
  /** Data rows per CSV file, for the preview. */
  rowCounts: Record<string, number>
  /** The CSV files as text, for comparing with a later correction. */
  csv: CsvText[]
  /** What changed since the previous release; null for a period's first release. */
  changes: ChangeSummary | null
}

/**
 * Every file of a release of `periodKey`. `version` and `previous` say which release it would
 * be; the files are the same whether or not they are then published.
 */
export async function buildReleaseFiles(
  periodKey: string,
  { version = 1, previous = null, now = new Date() }: { version?: number; previous?: PreviousRelease | null; now?: Date } = {},
): Promise<ReleaseBuild> {
  // Every level from one read-only unit: the same data, on the replica when it has caught up
  // (docs/decisions/024-read-replica.md).
  const levels = await readFigures(() =>
    Promise.all(
      LEVEL_FILES.map(async (file) => {
        const filters = AggregatedFiltersSchema.parse({ period: periodKey, level: file.level })
        const { meta, tables } = await aggregatedExport(filters, { provinceId: null }, now)
        return { file, meta, tables: tables.map(materialise) }
      }),
    ),
  )
  const meta = levels[0]!.meta
  const period = meta.period
  const methodologyCodes = [...new Set(levels.flatMap((level) => level.meta.methodologyCodes))].sort()
  for (const level of levels) {
    assertNoMicrodata(level.tables)
    assertSuppressedCellsEmpty(level.tables)
  }

  const csvFiles: CsvFile[] = []
  const files: ReleaseFile[] = []
  const rowCounts: Record<string, number> = {}
  const csv: CsvText[] = []
  for (const { file, tables } of levels) {
    let count = 0
    const content = await collect((out) => writeCsv(tables, out, (n) => (count = n)))
    const written = fileOf(file.name, CSV_MEDIA_TYPE, content)
    const rowKey = rowKeyOf(tables)
    files.push(written)
    rowCounts[file.name] = count
    csv.push({ name: file.name, text: content.toString('utf8'), rowKey })
    csvFiles.push({ ...written, title: file.title, description: file.description, columns: columnsOf(tables), rowKey })
  }

  // One JSON of every level's tables, each named for its level so no two share a name.
  const jsonTables = levels.flatMap(({ file, tables }) =>
    tables.map((table) => ({ ...table, name: `${file.level}_${table.name}` })),
  )
  const jsonMeta: ExportMeta = { ...meta, methodologyCodes, filters: [], producedAt: now.toISOString() }
  const others: OtherFile[] = []
  const json = fileOf(JSON_FILE, JSON_MEDIA_TYPE, await collect((out) => writeJson(jsonMeta, jsonTables, out)))
  files.push(json)
  others.push({
    ...json,
    format: 'json',
    title: { vi: 'Mọi bảng số liệu (JSON)', en: 'Every table of figures (JSON)' },
    description: {
      vi: 'Các bảng của mọi cấp trong một tệp JSON, kèm thông tin về kỳ, phương pháp và quy tắc ẩn số liệu.',
      en: 'The tables of every level in one JSON file, with the period, methodology and suppression rule.',
    },
  })

  const changes = previous ? diffReleaseFiles(previous.csv, csv) : null
  if (changes) {
    const changesFile = fileOf(CHANGES_FILE, JSON_MEDIA_TYPE, Buffer.from(`${JSON.stringify({ corrects: previous!.version, ...changes }, null, 2)}\n`))
    files.push(changesFile)
    others.push({
      ...changesFile,
      format: 'json',
      title: { vi: 'Những thay đổi so với phiên bản trước', en: 'What changed since the previous version' },
      description: {
        vi: 'Số dòng thêm, bớt, thay đổi của mỗi tệp CSV so với phiên bản được đính chính, và một số ví dụ.',
        en: 'Rows added, removed and changed in each CSV file compared with the corrected version, with examples.',
      },
    })
  }

  const descriptor = buildDataPackage({
    period,
    version,
    created: now.toISOString(),
    methodologyCodes,
    minN: meta.minN,
    responses: meta.responses,
    suppressionRule: meta.suppressionRule,
    corrects: previous?.version ?? null,
    csv: csvFiles,
    others,
  })
  files.push(fileOf(PACKAGE_FILE, PACKAGE_MEDIA_TYPE, Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`)))
  files.push(fileOf(SUMS_FILE, SUMS_MEDIA_TYPE, Buffer.from(sha256Sums(files))))
  return { period, methodologyCodes, files, rowCounts, csv, changes }
}

function sha256Hex(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}

function fileOf(name: string, mediaType: string, content: Buffer): ReleaseFile {
  return { name, mediaType, content, bytes: content.byteLength, sha256: sha256Hex(content) }
}

/** The rows in an array: a table is written twice (CSV and JSON) and checked before. */
function materialise(table: Table): Table & { rows: Row[] } {
  if (Symbol.asyncIterator in table.rows) throw new Error(`Open data takes aggregated tables; ${table.name} is streamed`)
  return { ...table, rows: [...table.rows] }
}

/** The columns of a level's CSV: every table's, in the order writeCsv writes them. */
function columnsOf(tables: readonly Table[]): Column[] {
  const byKey = new Map<string, Column>()
  for (const table of tables) for (const column of table.columns) if (!byKey.has(column.key)) byKey.set(column.key, column)
  return csvColumns(tables).map((key) => byKey.get(key)!)
}

/**
 * What identifies a row of the aggregated tables: the unit, the measure and its methodology
 * series (a period across a break in the series has both). Names and labels are values: a
 * renamed unit is a changed row, not a new one. ADR 022.
 */
const ROW_KEY = ['level', 'unit_code', 'measure_kind', 'measure_code', 'methodology_code'] as const

function rowKeyOf(tables: readonly Table[]): string[] {
  const keys = new Set(columnsOf(tables).map((column) => column.key))
  return ROW_KEY.filter((key) => keys.has(key))
}

/** What `write` writes into a stream, as one buffer. */
async function collect(write: (out: NodeJS.WritableStream) => Promise<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = []
  const out = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
      callback()
    },
  })
  await write(out)
  return Buffer.concat(chunks)
}
