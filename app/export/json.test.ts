import { describe, expect, test } from 'vitest'
import { collector, column, sampleMeta, table } from '../../test/factories/export-tables'
import { jsonSchemaOf, writeJson } from './json'
import type { Row, Table } from './table'

const columns = [
  column('unit_name', 'string'),
  column('percentage', 'percent'),
  column('n', 'integer'),
  column('suppressed', 'boolean'),
  column('day', 'date'),
]

async function jsonOf(tables: readonly Table[], onRows?: (n: number) => void) {
  const { stream, done } = collector()
  const rows = await writeJson(sampleMeta, tables, stream, onRows)
  return { rows, file: JSON.parse((await done).toString('utf8')) }
}

type PropertySchema = { type: string[]; minimum?: number; maximum?: number }
type TableSchema = { properties: { rows: { items: { required: string[]; properties: Record<string, PropertySchema> } } } }

/** A small check of a row against the schema: every field present, no other, each of its type. */
function rowProblems(schema: TableSchema, row: Record<string, unknown>): string[] {
  const { required, properties } = schema.properties.rows.items
  const problems = required.filter((key) => !(key in row)).map((key) => `${key} missing`)
  for (const [key, value] of Object.entries(row)) {
    const property = properties[key]
    if (!property) {
      problems.push(`${key} unexpected`)
      continue
    }
    const type = value === null ? 'null' : Number.isInteger(value) && property.type.includes('integer') ? 'integer' : typeof value
    if (!property.type.includes(type)) problems.push(`${key}: ${type}`)
    if (typeof value === 'number' && property.minimum !== undefined && value < property.minimum) problems.push(`${key} < min`)
    if (typeof value === 'number' && property.maximum !== undefined && value > property.maximum) problems.push(`${key} > max`)
  }
  return problems
}

const rows: Row[] = [
  { unit_name: 'Thành phố Hồ Chí Minh', percentage: 90.23456, n: 1234, suppressed: false, day: '2025-03-01' },
  { unit_name: 'Bà Rịa – Vũng Tàu', percentage: null, n: 12, suppressed: true, day: null },
]

describe('writeJson', () => {
  test('writes meta and each table with its columns and rows, which read back unchanged', async () => {
    const { rows: count, file } = await jsonOf([table('indices', columns, rows), table('items', columns.slice(0, 2), [])])
    expect(count).toBe(2)
    expect(file.meta).toEqual(sampleMeta)
    expect(Object.keys(file.tables)).toEqual(['indices', 'items'])
    expect(file.tables.indices.columns.map((c: { key: string }) => c.key)).toEqual(columns.map((c) => c.key))
    expect(file.tables.indices.rows).toEqual(rows)
    expect(file.tables.items.rows).toEqual([])
  })

  test('rows match the JSON Schema of the file; a row of the wrong types does not', async () => {
    const tables = [table('indices', columns, rows)]
    const schema = jsonSchemaOf(tables) as { $schema: string; required: string[]; properties: { tables: { properties: Record<string, TableSchema> } } }
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.required).toEqual(['meta', 'tables'])
    const { file } = await jsonOf(tables)
    const indices = schema.properties.tables.properties.indices!
    for (const row of file.tables.indices.rows) expect(rowProblems(indices, row)).toEqual([])
    expect(rowProblems(indices, { unit_name: 3, percentage: 120, n: 1.5, suppressed: 'no', extra: 1 })).toEqual([
      'day missing',
      'unit_name: number',
      'percentage > max',
      'n: number',
      'suppressed: string',
      'extra unexpected',
    ])
  })

  test('streams 20,000 rows from a generator, writing as it goes', async () => {
    let produced = 0
    let writtenBeforeEnd = 0
    const { stream, done } = collector()
    stream.on('pipe', () => undefined)
    const originalWrite = stream.write.bind(stream)
    stream.write = ((chunk: unknown, ...rest: never[]) => {
      if (produced < 20_000) writtenBeforeEnd += 1
      return originalWrite(chunk as Buffer, ...rest)
    }) as typeof stream.write
    async function* many(): AsyncGenerator<Row> {
      for (let i = 0; i < 20_000; i += 1) {
        produced += 1
        yield { unit_name: `u${i}`, percentage: (i % 1000) / 10, n: i, suppressed: false, day: '2025-01-01' }
      }
    }
    const progress: number[] = []
    const count = await writeJson(sampleMeta, [table('indices', columns, many())], stream, (n) => progress.push(n))
    const file = JSON.parse((await done).toString('utf8'))
    expect(count).toBe(20_000)
    expect(file.tables.indices.rows).toHaveLength(20_000)
    expect(file.tables.indices.rows[19_999]).toMatchObject({ unit_name: 'u19999', n: 19_999 })
    // Rows reached the stream while the generator was still producing them.
    expect(writtenBeforeEnd).toBeGreaterThan(19_000)
    expect(progress.at(-1)).toBe(20_000)
  })
})
