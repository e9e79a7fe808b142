import { describe, expect, test } from 'vitest'
import { RESPONSE_FIELDS } from '~/export/microdata-table'
import type { Column, Table } from '~/export/table'
import { assertNoMicrodata, assertSuppressedCellsEmpty, isMicrodataColumn, UnpublishableTableError } from './publishable'

const column = (key: string, type: Column['type']): Column => ({
  key,
  type,
  label: { vi: key, en: key },
  description: { vi: key, en: key },
})
const table = (columns: Column[], rows: Table['rows'] = []): Table => ({ name: 'units', title: { vi: 'Đơn vị', en: 'Units' }, columns, rows })

describe('what an open-data release refuses to publish', () => {
  test.each(['response_id', 'comment', 'comment_text', 'submitted_at', 'submitted_on', 'device_id', 'kiosk_id', 'sheet_id', 'respondent_age', 'email'])(
    '%s is a microdata column',
    (key) => {
      expect(isMicrodataColumn(key)).toBe(true)
      expect(() => assertNoMicrodata([table([column('unit_code', 'string'), column(key, 'string')])])).toThrow(UnpublishableTableError)
    },
  )

  test.each(['unit_code', 'unit_name', 'measure', 'n', 'responses', 'value', 'low', 'high', 'suppressed', 'rank'])('%s is aggregated', (key) => {
    expect(isMicrodataColumn(key)).toBe(false)
  })

  test('a suppressed row showing a figure is refused; its counts may stay', () => {
    const columns = [column('unit_code', 'string'), column('n', 'integer'), column('value', 'percent'), column('suppressed', 'boolean')]
    expect(() => assertSuppressedCellsEmpty([table(columns, [{ unit_code: 'HN', n: 12, value: null, suppressed: true }])])).not.toThrow()
    expect(() => assertSuppressedCellsEmpty([table(columns, [{ unit_code: 'HN', n: 12, value: 81.5, suppressed: true }])])).toThrow(
      UnpublishableTableError,
    )
    expect(() => assertSuppressedCellsEmpty([table(columns, [{ unit_code: 'HN', n: 40, value: 81.5, suppressed: false }])])).not.toThrow()
  })
})

describe('the microdata export', () => {
  test('its identifying and personal columns are among those refused', () => {
    const keys = [...RESPONSE_FIELDS, 'comment']
    expect(keys.filter(isMicrodataColumn).sort()).toEqual(expect.arrayContaining(['comment', 'response_id', 'submitted_on']))
  })
})
