import { describe, expect, test } from 'vitest'
import { diffReleaseFiles, hasChanges, MAX_CHANGE_EXAMPLES } from './changes'

const BOM = '\ufeff'
const csv = (...lines: string[]) => `${BOM}${lines.join('\r\n')}\r\n`
const file = (name: string, text: string) => ({ name, text, rowKey: ['unit_code', 'measure'] })

describe('what a correction changed', () => {
  test('the same files have no changes', () => {
    const text = csv('unit_code,measure,value', 'HN,sipas,80.5', 'HP,sipas,')
    const summary = diffReleaseFiles([file('provinces.csv', text)], [file('provinces.csv', text)])
    expect(hasChanges(summary)).toBe(false)
    expect(summary.files[0]).toMatchObject({ status: 'unchanged', rowsAdded: 0, rowsRemoved: 0, rowsChanged: 0 })
  })

  test('counts added, removed and changed rows and names the changed cells', () => {
    const before = csv('unit_code,measure,value,n', 'HN,sipas,80.5,40', 'HP,sipas,,12', 'DN,sipas,70,35')
    const after = csv('unit_code,measure,value,n', 'HN,sipas,81.25,41', 'HP,sipas,,12', 'HCM,sipas,75,50')
    const summary = diffReleaseFiles([file('provinces.csv', before)], [file('provinces.csv', after)])
    expect(hasChanges(summary)).toBe(true)
    expect(summary.files).toEqual([
      {
        name: 'provinces.csv',
        status: 'changed',
        columnsAdded: [],
        columnsRemoved: [],
        rowsAdded: 1,
        rowsRemoved: 1,
        rowsChanged: 1,
        cellsChanged: 2,
        examples: [
          { kind: 'changed', key: 'HN / sipas', column: 'value', before: '80.5', after: '81.25' },
          { kind: 'changed', key: 'HN / sipas', column: 'n', before: '40', after: '41' },
          { kind: 'added', key: 'HCM / sipas' },
          { kind: 'removed', key: 'DN / sipas' },
        ],
      },
    ])
    expect(summary.totals).toEqual({ rowsAdded: 1, rowsRemoved: 1, rowsChanged: 1, cellsChanged: 2 })
  })

  test('a figure that becomes suppressed is a changed cell', () => {
    const before = csv('unit_code,measure,value', 'HN,sipas,80.5')
    const after = csv('unit_code,measure,value', 'HN,sipas,')
    const [changes] = diffReleaseFiles([file('a.csv', before)], [file('a.csv', after)]).files
    expect(changes?.examples).toEqual([{ kind: 'changed', key: 'HN / sipas', column: 'value', before: '80.5', after: '' }])
  })

  test('reports files and columns that appear or disappear', () => {
    const before = csv('unit_code,measure,value', 'HN,sipas,80')
    const after = csv('unit_code,measure,value,rank', 'HN,sipas,80,1')
    const summary = diffReleaseFiles(
      [file('provinces.csv', before), file('old.csv', before)],
      [file('provinces.csv', after), file('new.csv', after)],
    )
    expect(summary.files.map((entry) => [entry.name, entry.status, entry.columnsAdded, entry.rowsAdded, entry.rowsRemoved])).toEqual([
      ['new.csv', 'added', ['unit_code', 'measure', 'value', 'rank'], 1, 0],
      ['old.csv', 'removed', [], 0, 1],
      ['provinces.csv', 'changed', ['rank'], 0, 0],
    ])
  })

  test('counts every change but lists only the first few', () => {
    const rows = (value: number) => Array.from({ length: 50 }, (_, at) => `U${at},sipas,${value}`)
    const summary = diffReleaseFiles(
      [file('a.csv', csv('unit_code,measure,value', ...rows(1)))],
      [file('a.csv', csv('unit_code,measure,value', ...rows(2)))],
    )
    expect(summary.totals.cellsChanged).toBe(50)
    expect(summary.files[0]?.examples).toHaveLength(MAX_CHANGE_EXAMPLES)
  })

  test('rows with the same key in one file are told apart, not lost', () => {
    const before = csv('unit_code,measure,value', 'HN,sipas,1', 'HN,sipas,2')
    const after = csv('unit_code,measure,value', 'HN,sipas,1', 'HN,sipas,3')
    const [changes] = diffReleaseFiles([file('a.csv', before)], [file('a.csv', after)]).files
    expect(changes?.examples).toEqual([{ kind: 'changed', key: 'HN / sipas (2)', column: 'value', before: '2', after: '3' }])
  })
})
