import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { collector, column, sampleMeta, table } from '../../test/factories/export-tables'
import type { Row, Table } from './table'
import { writeXlsx } from './xlsx'

const columns = [
  column('unit_name', 'string', 'Unit'),
  column('percentage', 'percent', 'Percentage'),
  column('n', 'integer', 'Valid n'),
  column('suppressed', 'boolean', 'Suppressed'),
]

async function workbookOf(tables: readonly Table[], language: 'vi' | 'en' = 'vi') {
  const { stream, done } = collector()
  const rows = await writeXlsx(sampleMeta, tables, stream, language)
  const workbook = new ExcelJS.Workbook()
  // exceljs types its Buffer as the pre-generic Node one.
  await workbook.xlsx.load((await done) as unknown as ExcelJS.Buffer)
  return { rows, workbook }
}

/** Every non-empty cell text of a sheet, row by row. */
function texts(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = []
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((value) => String(value ?? ''))))
  return rows
}

const rows: Row[] = [
  { unit_name: 'Thành phố Hồ Chí Minh', percentage: 90.23456, n: 1234, suppressed: false },
  { unit_name: 'Bà Rịa – Vũng Tàu', percentage: null, n: 12, suppressed: true },
  { unit_name: '=HYPERLINK("http://evil")', percentage: -1.5, n: 1, suppressed: false },
]

describe('writeXlsx', () => {
  test('the first sheet says how the file was produced, in the chosen language', async () => {
    const vi = (await workbookOf([table('indices', columns, rows)], 'vi')).workbook
    expect(vi.worksheets.map((sheet) => sheet.name)).toEqual(['Giới thiệu', 'indices'])
    const about = texts(vi.worksheets[0]!).map((row) => row.join(' | '))
    expect(about).toContain('Kỳ báo cáo | Năm 2025 (2025)')
    expect(about).toContain('Phương pháp (phiên bản) | sipas-2023')
    expect(about).toContain('Cỡ mẫu tối thiểu (n) | 30')
    expect(about).toContain('Quy tắc ẩn số liệu | Con số dựa trên dưới 30 câu trả lời hợp lệ bị ẩn.')
    expect(about).toContain('Thời điểm tạo tệp | 2026-01-05T03:04:05.000Z')
    expect(about).toContain('Cấp | province')
    expect(about).toContain('percentage | Percentage (vi) | Mô tả percentage')

    const en = (await workbookOf([table('indices', columns, rows)], 'en')).workbook
    expect(en.worksheets[0]!.name).toBe('About')
    expect(texts(en.worksheets[0]!).map((row) => row.join(' | '))).toContain('Minimum n | 30')
  })

  test('a table sheet: headers in the language, frozen header row, widths, numbers with their formats', async () => {
    const { rows: count, workbook } = await workbookOf([table('indices', columns, rows)], 'en')
    expect(count).toBe(3)
    const sheet = workbook.getWorksheet('indices')!
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Unit', 'Percentage', 'Valid n', 'Suppressed'])
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(20)

    const percentage = sheet.getCell('B2')
    expect(percentage.type).toBe(ExcelJS.ValueType.Number)
    expect(percentage.value).toBe(90.23456)
    expect(percentage.numFmt).toBe('0.00')
    const n = sheet.getCell('C2')
    expect(n.value).toBe(1234)
    expect(n.numFmt).toBe('0')
    expect(sheet.getCell('D2').value).toBe(false)
  })

  test('Vietnamese text comes back unchanged; a suppressed figure has no value', async () => {
    const sheet = (await workbookOf([table('indices', columns, rows)])).workbook.getWorksheet('indices')!
    expect(sheet.getCell('A2').value).toBe('Thành phố Hồ Chí Minh')
    expect(sheet.getCell('A3').value).toBe('Bà Rịa – Vũng Tàu')
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.Null)
    expect(sheet.getCell('D3').value).toBe(true)
  })

  test.each(['=', '+', '-', '@', '\t', '\r'])('text starting with %j is stored as neutralised text, never a formula', async (start) => {
    const sheet = (await workbookOf([table('indices', columns, [{ unit_name: `${start}SUM(A1:A9)`, percentage: -1.5, n: 1, suppressed: false }])]))
      .workbook.getWorksheet('indices')!
    const cell = sheet.getCell('A2')
    expect(cell.type).toBe(ExcelJS.ValueType.String)
    // XML reads a carriage return back as a line feed; the quote in front is what matters.
    expect(cell.value).toBe(`'${start === '\r' ? '\n' : start}SUM(A1:A9)`)
    // A negative number stays a number.
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Number)
    expect(sheet.getCell('B2').value).toBe(-1.5)
  })

  test('one sheet per table, rows from an async source', async () => {
    async function* items(): AsyncGenerator<Row> {
      for (let i = 0; i < 3; i += 1) yield { unit_name: `u${i}`, percentage: i, n: i, suppressed: false }
    }
    const { rows: count, workbook } = await workbookOf([table('indices', columns, rows), table('items', columns, items())])
    expect(count).toBe(6)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Giới thiệu', 'indices', 'items'])
    expect(workbook.getWorksheet('items')!.rowCount).toBe(4)
  })
})

test('sheets of thousands of rows, written while the zip catches up, read back whole', async () => {
  const many = (prefix: string): Row[] =>
    Array.from({ length: 3500 }, (_, i) => ({ unit_name: `${prefix} ${i}`, percentage: i / 35, n: i, suppressed: false }))
  const { rows: count, workbook } = await workbookOf([table('indices', columns, many('Tỉnh')), table('items', columns, many('Câu'))])
  expect(count).toBe(7000)
  expect(workbook.getWorksheet('indices')!.rowCount).toBe(3501)
  expect(workbook.getWorksheet('items')!.getCell('A3501').value).toBe('Câu 3499')
})
