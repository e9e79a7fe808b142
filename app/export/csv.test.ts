import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { collector, column, table } from '../../test/factories/export-tables'
import { writeCsv } from './csv'
import type { Row, Table } from './table'

const columns = [column('unit_name', 'string'), column('percentage', 'percent'), column('n', 'integer'), column('suppressed', 'boolean')]

async function csvOf(tables: readonly Table[]) {
  const { stream, done } = collector()
  const rows = await writeCsv(tables, stream)
  return { rows, text: (await done).toString('utf8') }
}

/** The file parsed back (BOM removed by the parser), header first. */
const parsed = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false })

describe('writeCsv', () => {
  test('starts with one byte-order mark and ends every record with CRLF', async () => {
    const { text } = await csvOf([table('units', columns, [{ unit_name: 'A', percentage: 90.5, n: 40, suppressed: false }])])
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text.slice(1)).not.toContain('\uFEFF')
    expect(text.slice(1)).toBe('unit_name,percentage,n,suppressed\r\nA,90.5,40,false\r\n')
  })

  test('quotes cells with quotes, commas and line breaks, and they read back unchanged', async () => {
    const name = 'Sở "Tư pháp", tỉnh A\r\ndòng hai\nba'
    const { text } = await csvOf([table('units', columns, [{ unit_name: name, percentage: 1, n: 1, suppressed: false }])])
    expect(text).toContain('"Sở ""Tư pháp"", tỉnh A\r\ndòng hai\nba"')
    expect(parsed(text)[1]![0]).toBe(name)
  })

  test('Vietnamese text reads back unchanged', async () => {
    const names = ['Thành phố Hồ Chí Minh', 'Bà Rịa – Vũng Tàu', 'Đắk Lắk', 'Thừa Thiên Huế']
    const { text } = await csvOf([table('units', columns, names.map((unit_name) => ({ unit_name, percentage: null, n: 0, suppressed: true })))])
    expect(parsed(text).slice(1).map((record) => record[0])).toEqual(names)
  })

  test.each(['=', '+', '-', '@', '\t', '\r'])('a text cell starting with %j is neutralised with a single quote', async (start) => {
    const { text } = await csvOf([table('units', columns, [{ unit_name: `${start}1+2`, percentage: -3.5, n: 1, suppressed: false }])])
    const [, record] = parsed(text)
    expect(record![0]).toBe(`'${start}1+2`)
    // A negative number stays a number.
    expect(record![1]).toBe('-3.5')
  })

  test('numbers are written unrounded with a point; a suppressed figure has no number', async () => {
    const rows: Row[] = [
      { unit_name: 'A', percentage: 90.23456789, n: 1234, suppressed: false },
      { unit_name: 'B', percentage: null, n: 12, suppressed: true },
    ]
    const { text } = await csvOf([table('units', columns, rows)])
    expect(parsed(text).slice(1)).toEqual([
      ['A', '90.23456789', '1234', 'false'],
      ['B', '', '12', 'true'],
    ])
  })

  test('several tables share one header; a table without a column leaves it empty', async () => {
    async function* later(): AsyncGenerator<Row> {
      yield { unit_name: 'C', percentage: 50, n: 3 }
    }
    const { rows, text } = await csvOf([
      table('indices', columns, [{ unit_name: 'A', percentage: 10, n: 1, suppressed: false }]),
      table('items', columns.slice(0, 3), later()),
    ])
    expect(rows).toBe(2)
    const records = parsed(text)
    expect(records.filter((record) => record[0] === 'unit_name')).toHaveLength(1)
    expect(records.slice(1)).toEqual([
      ['A', '10', '1', 'false'],
      ['C', '50', '3', ''],
    ])
  })

  test('reports progress every thousand rows and at the end', async () => {
    const seen: number[] = []
    const { stream, done } = collector()
    const many = Array.from({ length: 2500 }, (_, i) => ({ unit_name: `u${i}`, percentage: i / 100, n: i, suppressed: false }))
    expect(await writeCsv([table('units', columns, many)], stream, (n) => seen.push(n))).toBe(2500)
    await done
    expect(seen).toEqual([1000, 2000, 2500])
  })
})
