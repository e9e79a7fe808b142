import { PROGRESS_EVERY, write } from './rows'
import type { Cell, Column, ColumnType, ExportMeta, Row, Table } from './table'

/*
 * JSON: `{ "meta": …, "tables": { "<name>": { "columns": […], "rows": [{…}, …] } } }`, written
 * piece by piece so a table of a million rows never becomes one string. Each row is an object
 * with every column's key (null for no value); jsonSchemaOf describes the file (ADR 020).
 */

/** Writes the file into `out`, then ends it; returns the number of rows written. */
export async function writeJson(
  meta: ExportMeta,
  tables: readonly Table[],
  out: NodeJS.WritableStream,
  onRows?: (n: number) => void,
): Promise<number> {
  let count = 0
  await write(out, `{"meta":${JSON.stringify(meta)},"tables":{`)
  for (const [index, table] of tables.entries()) {
    const columns = table.columns.map(({ key, type, label, description }) => ({ key, type, label, description }))
    await write(out, `${index === 0 ? '' : ','}${JSON.stringify(table.name)}:{"title":${JSON.stringify(table.title)},"columns":${JSON.stringify(columns)},"rows":[`)
    let first = true
    for await (const row of table.rows) {
      await write(out, `${first ? '\n' : ',\n'}${JSON.stringify(jsonRow(table.columns, row))}`)
      first = false
      count += 1
      if (count % PROGRESS_EVERY === 0) onRows?.(count)
    }
    await write(out, ']}')
  }
  await write(out, '}}\n')
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject)
    out.end(() => resolve())
  })
  onRows?.(count)
  return count
}

function jsonRow(columns: readonly Column[], row: Row): Record<string, Cell> {
  const cells: Record<string, Cell> = {}
  for (const column of columns) {
    const value = row[column.key] ?? null
    // JSON has no NaN or Infinity; JSON.stringify would write null anyway, say so here.
    cells[column.key] = typeof value === 'number' && !Number.isFinite(value) ? null : value
  }
  return cells
}

const LocalizedTextSchema = {
  type: 'object',
  required: ['vi', 'en'],
  properties: { vi: { type: 'string' }, en: { type: 'string' } },
}

/** The JSON type of a column's cells; every cell may also be null (no value, or suppressed). */
function cellSchema(type: ColumnType): { type: string[]; format?: string; minimum?: number; maximum?: number } {
  switch (type) {
    case 'string':
      return { type: ['string', 'null'] }
    case 'integer':
      return { type: ['integer', 'null'] }
    case 'number':
      return { type: ['number', 'null'] }
    case 'percent':
      return { type: ['number', 'null'], minimum: 0, maximum: 100 }
    case 'boolean':
      return { type: ['boolean', 'null'] }
    case 'date':
      return { type: ['string', 'null'], format: 'date' }
  }
}

/** The JSON Schema (2020-12) of the file writeJson writes for these tables. */
export function jsonSchemaOf(tables: readonly Table[]): object {
  const tableSchema = (table: Table) => ({
    type: 'object',
    description: table.title.en,
    required: ['title', 'columns', 'rows'],
    properties: {
      title: LocalizedTextSchema,
      columns: {
        type: 'array',
        items: {
          type: 'object',
          required: ['key', 'type', 'label', 'description'],
          properties: {
            key: { type: 'string' },
            type: { enum: ['string', 'integer', 'number', 'percent', 'boolean', 'date'] },
            label: LocalizedTextSchema,
            description: LocalizedTextSchema,
          },
        },
      },
      rows: {
        type: 'array',
        items: {
          type: 'object',
          required: table.columns.map((column) => column.key),
          additionalProperties: false,
          properties: Object.fromEntries(
            table.columns.map((column) => [column.key, { ...cellSchema(column.type), description: column.description.en }]),
          ),
        },
      },
    },
  })
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'SIPAS export',
    type: 'object',
    required: ['meta', 'tables'],
    properties: {
      meta: {
        type: 'object',
        required: ['methodologyCodes', 'period', 'filters', 'minN', 'suppressionRule', 'producedAt'],
        properties: {
          methodologyCodes: { type: 'array', items: { type: 'string' } },
          period: {
            type: 'object',
            required: ['key', 'from', 'to', 'label'],
            properties: {
              key: { type: 'string' },
              from: { type: 'string', format: 'date' },
              to: { type: 'string', format: 'date' },
              label: LocalizedTextSchema,
            },
          },
          filters: {
            type: 'array',
            items: { type: 'object', required: ['label', 'value'], properties: { label: LocalizedTextSchema, value: { type: 'string' } } },
          },
          minN: { type: 'integer', minimum: 0 },
          suppressionRule: LocalizedTextSchema,
          producedAt: { type: 'string', format: 'date-time' },
        },
      },
      tables: {
        type: 'object',
        required: tables.map((table) => table.name),
        additionalProperties: false,
        properties: Object.fromEntries(tables.map((table) => [table.name, tableSchema(table)])),
      },
    },
  }
}
