import { describe, expect, test } from 'vitest'
import { parseExternalScores } from './external-import'
import { MAX_IMPORT_ROWS } from './external-import-format'

// Before the merger: 31 Hải Phòng, 77 Bà Rịa - Vũng Tàu, 19 Thái Nguyên; after it 77 is gone.
const UNITS: Record<number, string[]> = {
  2023: ['31', '77', '19'],
  2024: ['31', '77', '19'],
  2025: ['31', '19'],
}
const options = {
  peerGroupOf: (code: string, year: number) => ((UNITS[year] ?? []).includes(code) ? ('provinces' as const) : null),
  maxYear: 2026,
}
const parse = (text: string) => parseExternalScores(text, options)

describe('parseExternalScores', () => {
  test('reads a comma-separated file', () => {
    const { rows, problems } = parse('unit_code,year,index,score\n31,2024,PAR_INDEX,96.17\n77,2024,PAR_INDEX,93.35\n')
    expect(problems).toEqual([])
    expect(rows).toEqual([
      { line: 2, unitCode: '31', year: 2024, index: 'PAR_INDEX', score: 96.17, rank: null },
      { line: 3, unitCode: '77', year: 2024, index: 'PAR_INDEX', score: 93.35, rank: null },
    ])
  })

  test("reads Excel's Vietnamese export: byte-order mark, semicolons, decimal commas, CRLF", () => {
    const { rows, problems } = parse('\uFEFFunit_code;year;index;score\r\n19;2024;PAR INDEX;91,47\r\n')
    expect(problems).toEqual([])
    expect(rows).toEqual([{ line: 2, unitCode: '19', year: 2024, index: 'PAR_INDEX', score: 91.47, rank: null }])
  })

  test('takes the columns in any order, ignores extra ones and accepts quoted fields', () => {
    const { rows, problems } = parse('Score,Index,Name,Year,Unit Code\n"91,47",pci,"Thái Nguyên, tỉnh",2024,19\n')
    expect(problems).toEqual([])
    expect(rows).toEqual([{ line: 2, unitCode: '19', year: 2024, index: 'PCI', score: 91.47, rank: null }])
  })

  test('skips blank lines but keeps the file’s line numbers', () => {
    const { rows } = parse('unit_code,year,index,score\n\n31,2024,PAPI,45.2\n\n')
    expect(rows.map((row) => row.line)).toEqual([3])
  })

  test('a quoted field may span lines; errors name the line where the record starts', () => {
    const file = 'unit_code,name,year,index,score\n19,"Thái Nguyên\n(tỉnh)",2024,PCI,70\n31,"Hải\nPhòng",2024,PCI,nope\n'
    const { rows, problems } = parse(file)
    expect(rows).toEqual([{ line: 2, unitCode: '19', year: 2024, index: 'PCI', score: 70, rank: null }])
    expect(problems).toEqual([{ line: 4, key: 'import.errors.score', values: { value: 'nope' } }])
  })

  test('a quoted line break in a CRLF file counts as one line', () => {
    const file = 'unit_code;name;year;index;score\r\n19;"Thái Nguyên\r\ntỉnh";2024;PCI;70\r\n\r\n31;x;2024;PCI;7O\r\n'
    const { rows, problems } = parse(file)
    expect(rows.map((row) => row.line)).toEqual([2])
    expect(problems).toEqual([{ line: 5, key: 'import.errors.score', values: { value: '7O' } }])
  })

  test('a quote left open is reported on the line its record starts', () => {
    const { rows, problems } = parse('unit_code,year,index,score\n31,2024,PCI,70\n\n\n"19,2024,PCI,71\n77,2024,PCI,72\n')
    expect(rows.map((row) => row.line)).toEqual([2])
    expect(problems).toEqual([{ line: 5, key: 'import.errors.quote' }])
  })

  test('a semicolon file keeps decimal commas and quoted semicolons inside their fields', () => {
    const { rows, problems } = parse('\uFEFF"unit_code";"name";"year";"index";"score"\n19;"Thái Nguyên; tỉnh";2024;PAR_INDEX;"89,13"\n31;Hải Phòng;2024;PAR_INDEX;96,17\n')
    expect(problems).toEqual([])
    expect(rows.map((row) => [row.line, row.unitCode, row.score])).toEqual([
      [2, '19', 89.13],
      [3, '31', 96.17],
    ])
  })

  test("skips rows of only separators and spaces, as Excel writes below a table", () => {
    const { rows, problems } = parse('unit_code;year;index;score\r\n31;2024;PCI;70\r\n;;;\r\n   \r\n19;2024;PCI;71\r\n;;;\r\n')
    expect(problems).toEqual([])
    expect(rows.map((row) => row.line)).toEqual([2, 5])
  })

  test('reports every bad row with its line number and what is wrong', () => {
    const file = [
      'unit_code,year,index,score',
      '31,2024,PAR_INDEX,96.17', // 2 fine
      '99,2024,PAR_INDEX,80', // 3 unknown unit
      '77,2025,PAR_INDEX,80', // 4 unit no longer exists in 2025
      '31,24,PAR_INDEX,80', // 5 bad year
      '31,2031,PAR_INDEX,80', // 6 future year
      '31,2024,HDI,80', // 7 unknown index
      '31,2024,SIPAS,80', // 8 SIPAS is computed here
      '31,2024,PCI,101', // 9 out of range
      '31,2024,PAPI,81', // 10 out of PAPI's 8–80 scale
      '31,2024,PCI,9O', // 11 not a number
      '31,2024,PAR_INDEX,95', // 12 duplicate of line 2
      '31,2024,PCI', // 13 missing a field
      ',2024,PCI,70', // 14 no unit code
      '"31,2024,PCI,70', // 15 open quote, which runs to the end of the file
    ].join('\n')
    const { rows, problems } = parse(file)
    expect(rows.map((row) => row.line)).toEqual([2])
    expect(problems.map((p) => [p.line, p.key])).toEqual([
      [3, 'import.errors.unit'],
      [4, 'import.errors.unit'],
      [5, 'import.errors.year'],
      [6, 'import.errors.year'],
      [7, 'import.errors.index'],
      [8, 'import.errors.sipas'],
      [9, 'import.errors.scoreRange'],
      [10, 'import.errors.scoreRange'],
      [11, 'import.errors.score'],
      [12, 'import.errors.duplicate'],
      [13, 'import.errors.fieldCount'],
      [14, 'import.errors.unitMissing'],
      [15, 'import.errors.quote'],
    ])
    expect(problems.find((p) => p.line === 12)?.values).toEqual({ first: 2 })
    expect(problems.find((p) => p.line === 3)?.values).toEqual({ code: '99', year: 2024 })
    expect(problems.find((p) => p.line === 10)?.values).toMatchObject({ min: 0, max: 80 })
  })

  test('reports several problems on one line', () => {
    const { problems } = parse('unit_code,year,index,score\n99,2024,HDI,abc\n')
    expect(problems.map((p) => p.key)).toEqual(['import.errors.unit', 'import.errors.index', 'import.errors.score'])
  })

  test('the same unit, year and index is a duplicate even when the index is spelt differently', () => {
    const { problems } = parse('unit_code,year,index,score\n31,2024,PAR INDEX,90\n31,2024,par_index,91\n')
    expect(problems).toEqual([{ line: 3, key: 'import.errors.duplicate', values: { first: 2 } }])
  })

  test('a missing column is reported on the header line', () => {
    expect(parse('unit_code,year,score\n31,2024,90\n').problems).toEqual([
      { line: 1, key: 'import.errors.header', values: { columns: 'index' } },
    ])
  })

  test('an empty file, or a header alone, is refused', () => {
    expect(parse('').problems).toEqual([{ line: 1, key: 'import.errors.empty' }])
    expect(parse('\uFEFF\n').problems).toEqual([{ line: 1, key: 'import.errors.empty' }])
    expect(parse('unit_code,year,index,score\n').problems).toEqual([{ line: 1, key: 'import.errors.empty' }])
  })

  test(`stops after ${MAX_IMPORT_ROWS} rows`, () => {
    const body = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => '31,2024,PCI,70').join('\n')
    const { problems } = parse(`unit_code,year,index,score\n${body}`)
    expect(problems.at(-1)).toEqual({ line: MAX_IMPORT_ROWS + 2, key: 'import.errors.tooManyRows', values: { max: MAX_IMPORT_ROWS } })
  })

  test('reads the publisher\'s ranks from an optional rank column', () => {
    // PAR INDEX 2024: Hải Phòng 1st with 96.17, Bà Rịa - Vũng Tàu 93.35, Thái Nguyên 5th with 91.47.
    const { rows, problems } = parse('unit_code;year;index;score;rank\n31;2024;PAR_INDEX;96,17;1\n77;2024;PAR_INDEX;93,35;2\n19;2024;PAR_INDEX;91,47;5\n')
    expect(problems).toEqual([])
    expect(rows.map((row) => [row.unitCode, row.score, row.rank])).toEqual([
      ['31', 96.17, 1],
      ['77', 93.35, 2],
      ['19', 91.47, 5],
    ])
  })

  test('a rank that is not a whole number from 1 is refused', () => {
    const { problems } = parse('unit_code,year,index,score,rank\n31,2024,PCI,70,0\n77,2024,PCI,60,2.5\n19,2024,PCI,50,third\n')
    expect(problems).toEqual([
      { line: 2, key: 'import.errors.rank', values: { value: '0' } },
      { line: 3, key: 'import.errors.rank', values: { value: '2.5' } },
      { line: 4, key: 'import.errors.rank', values: { value: 'third' } },
    ])
  })

  test('a rank against the score order is reported on its line, among the other problems', () => {
    const file = [
      'unit_code,year,index,score,rank',
      '31,2024,PAR_INDEX,96.17,2', // 2: a higher score than line 4 but a worse rank
      '99,2024,PAR_INDEX,80,3', // 3: unknown unit
      '77,2024,PAR_INDEX,93.35,1', // 4: reported, as the lower score of the two
    ].join('\n')
    expect(parse(file).problems).toEqual([
      { line: 3, key: 'import.errors.unit', values: { code: '99', year: 2024 } },
      { line: 4, key: 'import.errors.rankOrder', values: { rank: 1, score: 93.35, other: 2, otherRank: 2, otherScore: 96.17 } },
    ])
  })
})
