import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'
import { aggregationSettings } from '~/aggregation/figures.server'
import { parsePeriod } from '~/aggregation/period'
import { reader, readerUrl } from '~/db/replica.server'
import { resourcesFor } from '~/i18n/resources.server'
import { QUALITY_FLAG_BITS, QUALITY_FLAG_NAMES, RESPONSE_MARKS } from '~/quality/flags'
import { DefinitionSchema, type LocalizedText } from '~/questionnaire/definition'
import { FILTER_LABELS } from './data-dictionary'
import type { MicrodataFilters } from './filters'
import { type CodebookLabels, type MicrodataVersion, type Variable, codebookTable, microdataVariables } from './microdata-table'
import { PROGRESS_EVERY } from './rows'
import type { Cell, ExportMeta, Row, Table } from './table'

/*
 * The microdata export (ADR 020, "Microdata"): one row per response, streamed from the database
 * so a year of a million responses never sits in memory. One SELECT (selectSql) decodes every
 * response's answer arrays into the item columns in SQL; it is read three ways:
 * - PostgreSQL, as rows: `COPY (SELECT …) TO STDOUT` on a connection of its own, parsed as it
 *   arrives; the socket's back-pressure holds the server when the writer is slow;
 * - PostgreSQL, as a CSV file (writeMicrodataCsv): the same COPY with a header, piped to the
 *   file with only its line ends changed; text columns are neutralised in SQL;
 * - PGlite (embedded, one connection): keyset pages of PAGE_SIZE responses in id order.
 * Every read goes to `reader()`'s server: the replica when the job runs as a read-only unit that
 * found it caught up (docs/decisions/024-read-replica.md).
 */

export type MicrodataScope = { provinceId: string | null }
export type MicrodataOptions = { includeComments: boolean }

/** Responses per page on PGlite. */
const PAGE_SIZE = 5000

type Plan = { variables: Variable[]; where: string; rowsExpected: number; includeComments: boolean; meta: ExportMeta }

/**
 * The microdata of `filters`, limited to the scope's province (a province user's filters can't
 * name another: the scope wins). `includeComments` must already say whether the user may read
 * comments and asked for them; hidden comments are never exported. The responses table's rows
 * are read from the database as they are iterated, in response id order; the codebook's are in
 * memory.
 */
export async function microdataExport(
  filters: MicrodataFilters,
  scope: MicrodataScope,
  options: MicrodataOptions,
  now = new Date(),
): Promise<{ meta: ExportMeta; tables: Table[]; rowsExpected: number }> {
  const { plan, versions, labels } = await planExport(filters, scope, options, now)
  const responses: Table = {
    name: 'responses',
    title: { vi: 'Phiếu trả lời', en: 'Responses' },
    columns: plan.variables.map((variable) => variable.column),
    rows: readerUrl() ? copiedRows(readerUrl()!, plan) : pagedRows(plan),
  }
  return { meta: plan.meta, tables: [responses, codebookTable(plan.variables, versions, labels)], rowsExpected: plan.rowsExpected }
}

/**
 * The responses table of the export as a CSV file into `out` (then ended): on PostgreSQL,
 * written by the server itself (COPY … CSV HEADER), byte order mark and CRLF line ends added, as
 * writeCsv writes; on PGlite, writeCsv of the rows. The codebook is not in it (a CSV file holds
 * one table): write microdataExport's codebook table beside it. Returns the number of rows;
 * `onRows` hears the running count every PROGRESS_EVERY rows and at the end.
 */
export async function writeMicrodataCsv(
  filters: MicrodataFilters,
  scope: MicrodataScope,
  options: MicrodataOptions,
  out: NodeJS.WritableStream,
  onRows?: (n: number) => void,
): Promise<number> {
  const serverUrl = readerUrl()
  if (!serverUrl) {
    const { writeCsv } = await import('./csv')
    const { tables } = await microdataExport(filters, scope, options)
    return writeCsv(tables.slice(0, 1), out, onRows)
  }
  const statement = await microdataCopyStatement(filters, scope, options)
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    const lines = new CsvLines(onRows)
    await pipeline(client.query(copyTo(statement)), lines, out)
    onRows?.(lines.rows)
    return lines.rows
  } finally {
    await client.end()
  }
}

/** The COPY statement writeMicrodataCsv has PostgreSQL run (bench/export.ts times it bare). */
export async function microdataCopyStatement(filters: MicrodataFilters, scope: MicrodataScope, options: MicrodataOptions): Promise<string> {
  const { plan } = await planExport(filters, scope, options, new Date())
  return `COPY (${selectSql(plan, { neutralise: true })}) TO STDOUT WITH (FORMAT csv, HEADER)`
}

async function planExport(filters: MicrodataFilters, scope: MicrodataScope, options: MicrodataOptions, now: Date) {
  const period = parsePeriod(filters.period)
  if (!period) throw new Error(`Export filters name no period: ${filters.period}`)
  const provinceId = scope.provinceId ?? filters.provinceId ?? null
  const conditions = [`r."submittedOn" BETWEEN ${literal(period.from)}::date AND ${literal(period.to)}::date`]
  // A province's responses include those submitted under the provinces merged into it, as its figures do.
  if (provinceId) {
    conditions.push(
      `r."provinceId" IN (SELECT ${literal(provinceId)} UNION ALL SELECT "predecessorId" FROM "UnitLineage" WHERE "successorId" = ${literal(provinceId)})`,
    )
  }
  if (filters.channel) conditions.push(`r.channel = ${literal(filters.channel)}::"Channel"`)
  if (filters.versionId) conditions.push(`r."versionId" = ${literal(filters.versionId)}`)
  const where = conditions.join(' AND ')

  const counts = await reader().$queryRawUnsafe<{ versionId: string; n: number }[]>(
    `SELECT r."versionId" AS "versionId", count(*)::int AS n FROM "Response" r WHERE ${where} GROUP BY 1`,
  )
  const [versions, labels, settings, filterList] = await Promise.all([
    readVersions(counts.map((count) => count.versionId)),
    codebookLabels(),
    aggregationSettings(),
    describeFilters(filters, provinceId, options),
  ])
  const variables = microdataVariables(versions, labels, options)
  const meta: ExportMeta = {
    methodologyCodes: [...new Set(versions.map((version) => version.methodologyCode))].sort(),
    period: { key: period.key, from: period.from, to: period.to, label: period.label },
    filters: filterList,
    minN: settings.minN,
    suppressionRule: {
      vi: `Dữ liệu vi mô không ẩn gì: mỗi dòng là một phiếu. Số liệu tính từ các dòng này chỉ được công bố khi dựa trên ít nhất ${settings.minN} câu trả lời hợp lệ, như các số liệu của hệ thống.`,
      en: `Microdata suppress nothing: each row is one response. A figure computed from these rows may be published only when it rests on at least ${settings.minN} valid answers, as the platform's figures do.`,
    },
    producedAt: now.toISOString(),
  }
  const rowsExpected = counts.reduce((sum, count) => sum + count.n, 0)
  const plan: Plan = { variables, where, rowsExpected, includeComments: options.includeComments, meta }
  return { plan, versions, labels }
}

/** The versions answered, oldest first, with their definitions and item ids. */
async function readVersions(ids: readonly string[]): Promise<MicrodataVersion[]> {
  const rows = await reader().questionnaireVersion.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      version: true,
      methodologyCode: true,
      definition: true,
      questionnaire: { select: { slug: true } },
      items: { select: { id: true, code: true } },
    },
    orderBy: [{ createdAt: 'asc' }, { version: 'asc' }],
  })
  return rows.map((row) => ({
    id: row.id,
    questionnaire: row.questionnaire.slug,
    version: row.version,
    methodologyCode: row.methodologyCode,
    definition: DefinitionSchema.parse(row.definition),
    itemIds: new Map(row.items.map((item) => [item.code, item.id])),
  }))
}

/** The codebook's words for scale points, non-answers and quality flags: the app's own, in both languages. */
function codebookLabels(): CodebookLabels {
  const vi = resourcesFor('vi')
  const en = resourcesFor('en')
  const both = (ns: string, path: string): LocalizedText => ({ vi: lookup(vi[ns], path), en: lookup(en[ns], path) })
  const scale = (kind: 'satisfaction5' | 'agreement5') =>
    Object.fromEntries([1, 2, 3, 4, 5].map((value) => [value, both('survey', `scale.${kind}.${value}`)])) as CodebookLabels['scale'][typeof kind]
  return {
    scale: { satisfaction5: scale('satisfaction5'), agreement5: scale('agreement5') },
    dontKnow: both('survey', 'dontKnow'),
    notApplicable: both('survey', 'notApplicable'),
    flags: Object.fromEntries(QUALITY_FLAG_NAMES.map((name) => [name, both('admin', `quality.flags.${name}.name`)])) as CodebookLabels['flags'],
  }
}

function lookup(namespace: unknown, path: string): string {
  const value = path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), namespace)
  if (typeof value !== 'string') throw new Error(`Missing locale text ${path}`)
  return value
}


async function describeFilters(filters: MicrodataFilters, provinceId: string | null, options: MicrodataOptions): Promise<ExportMeta['filters']> {
  const [province, version] = await Promise.all([
    provinceId ? reader().adminUnit.findUnique({ where: { id: provinceId }, select: { code: true, name: true } }) : null,
    filters.versionId
      ? reader().questionnaireVersion.findUnique({ where: { id: filters.versionId }, select: { version: true, questionnaire: { select: { slug: true } } } })
      : null,
  ])
  const entries: [LocalizedText, string | undefined][] = [
    [FILTER_LABELS.province, provinceId ? (province ? `${province.code} ${province.name}` : provinceId) : undefined],
    [FILTER_LABELS.channel, filters.channel],
    [FILTER_LABELS.version, filters.versionId ? (version ? `${version.questionnaire.slug} v${version.version}` : filters.versionId) : undefined],
    [FILTER_LABELS.comments, options.includeComments ? 'true' : undefined],
  ]
  return entries.flatMap(([label, value]) => (value ? [{ label, value }] : []))
}

// ─── The SELECT ───

/**
 * The export's SELECT, its columns named by the column keys. Values are written into the text
 * (COPY takes no parameters) through `literal`; item ids are numbers from the database.
 * `neutralise`: text columns that begin like a formula get a leading quote in SQL, as the
 * writers do to the rows (for the CSV PostgreSQL writes itself).
 */
function selectSql(plan: Plan, options: { neutralise: boolean; after?: string; limit?: number }): string {
  const text = (expression: string) =>
    options.neutralise ? `CASE WHEN left(${expression}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${expression} ELSE ${expression} END` : expression
  const answers: string[] = []
  const columns = plan.variables.map((variable) => {
    const key = `"${variable.column.key}"`
    if (variable.source === 'item') {
      answers.push(`max(x.value) FILTER (WHERE x.item IN (${variable.itemIds.join(', ')})) AS ${key}`)
      return `ans.${key}`
    }
    if (variable.source === 'option') {
      const asked = `x.item IN (${variable.itemIds.join(', ')})`
      answers.push(`CASE WHEN bool_or(${asked}) THEN bool_or(${asked} AND x.value = ${variable.value})::int END AS ${key}`)
      return `ans.${key}`
    }
    return `${RESPONSE_SQL[variable.field].string ? text(RESPONSE_SQL[variable.field].sql) : RESPONSE_SQL[variable.field].sql} AS ${key}`
  })
  const conditions = [plan.where, ...(options.after ? [`r.id > ${literal(options.after)}::uuid`] : [])]
  return [
    `SELECT ${columns.join(', ')}`,
    `FROM "Response" r`,
    `LEFT JOIN "AdminUnit" pr ON pr.id = r."provinceId"`,
    `LEFT JOIN "Agency" ag ON ag.id = r."agencyId"`,
    `LEFT JOIN "ServicePoint" sp ON sp.id = r."servicePointId"`,
    `LEFT JOIN "QuestionnaireVersion" ver ON ver.id = r."versionId"`,
    `LEFT JOIN "Questionnaire" qn ON qn.id = ver."questionnaireId"`,
    ...(plan.includeComments ? [`LEFT JOIN "Comment" c ON c."responseId" = r.id AND c."hiddenAt" IS NULL`] : []),
    // One pass over a response's answer pairs fills every item column (FILTER per column): as
    // fast as dumping the arrays themselves, where array_position per column took 4× longer.
    ...(answers.length ? [`CROSS JOIN LATERAL (SELECT ${answers.join(', ')} FROM unnest(r."answerItemIds", r."answerValues") AS x(item, value)) ans`] : []),
    `WHERE ${conditions.join(' AND ')}`,
    `ORDER BY r.id`,
    ...(options.limit ? [`LIMIT ${options.limit}`] : []),
  ].join('\n')
}

const RESPONSE_SQL: Record<Extract<Variable, { source: 'response' }>['field'], { sql: string; string: boolean }> = {
  response_id: { sql: 'r.id::text', string: false },
  province_code: { sql: 'pr.code', string: true },
  agency_code: { sql: 'ag.code', string: true },
  service_point_code: { sql: 'sp.code', string: true },
  channel: { sql: 'r.channel::text', string: false },
  questionnaire: { sql: 'qn.slug', string: true },
  version: { sql: 'ver.version', string: false },
  methodology: { sql: 'ver."methodologyCode"', string: true },
  submitted_on: { sql: `to_char(r."submittedOn", 'YYYY-MM-DD')`, string: false },
  // Quality flags only: the marks (the verified bit) are no quality flag and have their own column.
  flags: { sql: `(r.flags & ${QUALITY_FLAG_BITS})`, string: false },
  verified: { sql: `((r.flags & ${RESPONSE_MARKS.VERIFIED}) <> 0)::int`, string: false },
  weight: { sql: 'r.weight', string: false },
  comment: { sql: 'c.text', string: true },
}

/** A SQL string literal (standard_conforming_strings, PostgreSQL's default since 9.1). */
function literal(value: string): string {
  if (value.includes('\0')) throw new Error('A NUL character cannot be in a SQL literal')
  return `'${value.replace(/'/g, "''")}'`
}

// ─── Reading the rows ───

/** PGlite: pages in id order, each starting after the last id of the one before. */
async function* pagedRows(plan: Plan): AsyncGenerator<Row> {
  const columns = plan.variables.map((variable) => variable.column)
  let after: string | undefined
  for (;;) {
    const page = await reader().$queryRawUnsafe<Record<string, Cell>[]>(selectSql(plan, { neutralise: false, after, limit: PAGE_SIZE }))
    for (const raw of page) {
      const row: Row = {}
      for (const column of columns) row[column.key] = raw[column.key] ?? null
      yield row
    }
    if (page.length < PAGE_SIZE) return
    after = page[page.length - 1]!.response_id as string
  }
}

/**
 * PostgreSQL: the rows of one COPY, parsed and typed as they arrive. COPY's text format, not CSV:
 * a line per row and a tab between fields (both escaped inside values), so String.split parses
 * it; csv-parse with a cast per field read ~400 rows/s here against ~10,000 without the cast.
 */
async function* copiedRows(serverUrl: string, plan: Plan): AsyncGenerator<Row> {
  const columns = plan.variables.map((variable) => variable.column)
  const numeric = columns.map((column) => column.type === 'integer' || column.type === 'number' || column.type === 'percent')
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    const copy = client.query(copyTo(`COPY (${selectSql(plan, { neutralise: false })}) TO STDOUT`))
    copy.setEncoding('utf8')
    let rest = ''
    for await (const chunk of copy as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop()!
      for (const line of lines) {
        const fields = line.split('\t')
        const row: Row = {}
        for (let i = 0; i < columns.length; i++) {
          const field = fields[i]!
          row[columns[i]!.key] = field === '\\N' ? null : numeric[i] ? Number(field) : unescapeCopyText(field)
        }
        yield row
      }
    }
  } finally {
    await client.end()
  }
}

const COPY_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' }

/** A text field of COPY's text format as it was stored: backslash escapes undone. */
function unescapeCopyText(field: string): string {
  return field.includes('\\') ? field.replace(/\\(.)/g, (_, char: string) => COPY_ESCAPES[char] ?? char) : field
}

/**
 * CSV from COPY as writeCsv writes it: a byte order mark first, CRLF line ends (PostgreSQL ends
 * lines with LF; a line feed inside a quoted field stays as it is). Counts the data rows.
 */
class CsvLines extends Transform {
  rows = -1
  private quoted = false
  private started = false

  constructor(private readonly onRows?: (n: number) => void) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void) {
    const parts: Buffer[] = this.started ? [] : [Buffer.from('\uFEFF')]
    this.started = true
    let start = 0
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!
      if (byte === QUOTE) this.quoted = !this.quoted
      else if (byte === LF && !this.quoted) {
        parts.push(chunk.subarray(start, i), CRLF)
        start = i + 1
        this.rows += 1
        if (this.rows > 0 && this.rows % PROGRESS_EVERY === 0) this.onRows?.(this.rows)
      }
    }
    parts.push(chunk.subarray(start))
    callback(null, Buffer.concat(parts))
  }
}

const QUOTE = 0x22
const LF = 0x0a
const CRLF = Buffer.from('\r\n')
