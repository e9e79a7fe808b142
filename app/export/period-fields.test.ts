import { expect, test } from 'vitest'
import { parsePeriod } from '~/aggregation/period'
import { periodFromFields } from './period-fields'

test.each([
  [{ periodKind: 'year', year: '2025' }, '2025'],
  [{ periodKind: 'quarter', year: '2025', quarter: '2' }, '2025-Q2'],
  [{ periodKind: 'month', year: '2025', month: '3' }, '2025-03'],
  [{ periodKind: 'range', from: '2025-01-15', to: '2025-02-10' }, '2025-01-15..2025-02-10'],
])('the fields %o make the period %s, which parses', (fields, text) => {
  expect(periodFromFields(fields)).toBe(text)
  expect(parsePeriod(text)?.key).toBe(text)
})

test('a kind whose fields are empty, or no kind, makes no period', () => {
  expect(periodFromFields({ periodKind: 'quarter', year: '2025' })).toBe('')
  expect(periodFromFields({ periodKind: 'range', from: '2025-01-15' })).toBe('')
  expect(periodFromFields({ year: '2025' })).toBe('')
})
