import { describe, expect, test } from 'vitest'
import { isWholeMonths, monthsIn, parsePeriod, periodOrThisYear, previousPeriod, splitPeriod, wholeMonths } from './period'

describe('parsePeriod', () => {
  test.each([
    ['2025', 'year', '2025-01-01', '2025-12-31'],
    ['2025-Q1', 'quarter', '2025-01-01', '2025-03-31'],
    ['2025-Q2', 'quarter', '2025-04-01', '2025-06-30'],
    ['2025-q4', 'quarter', '2025-10-01', '2025-12-31'],
    ['2025-03', 'month', '2025-03-01', '2025-03-31'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2025-02', 'month', '2025-02-01', '2025-02-28'],
    ['2025-01-15..2025-02-10', 'range', '2025-01-15', '2025-02-10'],
    [' 2025-03-07..2025-03-07 ', 'range', '2025-03-07', '2025-03-07'],
  ])('%s is a %s from %s to %s', (text, kind, from, to) => {
    expect(parsePeriod(text)).toMatchObject({ kind, from, to })
  })

  test('the key is the canonical text form and parses back to the same period', () => {
    for (const text of ['2025', '2025-q3', '2025-11', '2025-01-15..2025-02-10']) {
      const period = parsePeriod(text)!
      expect(parsePeriod(period.key)).toEqual(period)
    }
    expect(parsePeriod('2025-q3')?.key).toBe('2025-Q3')
  })

  test('labels read naturally in both languages', () => {
    expect(parsePeriod('2025')?.label).toEqual({ vi: 'Năm 2025', en: '2025' })
    expect(parsePeriod('2025-Q2')?.label).toEqual({ vi: 'Quý II/2025', en: 'Q2 2025' })
    expect(parsePeriod('2025-03')?.label).toEqual({ vi: 'Tháng 3/2025', en: 'March 2025' })
    expect(parsePeriod('2025-01-15..2025-02-10')?.label).toEqual({
      vi: '15/01/2025 – 10/02/2025',
      en: '2025-01-15 – 2025-02-10',
    })
  })

  test.each(['', '25', '2025-Q5', '2025-13', '2025-00', '2025-02-30..2025-03-01', '2025-03-10..2025-03-09', '2025-1', 'abc', '2000-01-01..2015-01-01'])(
    '%j names no period',
    (text) => {
      expect(parsePeriod(text)).toBeNull()
    },
  )
})

describe('previousPeriod', () => {
  test.each([
    ['2025', '2024'],
    ['2025-Q1', '2024-Q4'],
    ['2025-Q3', '2025-Q2'],
    ['2025-01', '2024-12'],
    ['2025-07', '2025-06'],
    ['2025-03-11..2025-03-20', '2025-03-01..2025-03-10'],
  ])('before %s comes %s', (text, previous) => {
    expect(previousPeriod(parsePeriod(text)!).key).toBe(previous)
  })
})

describe('splitPeriod', () => {
  test('whole months come from the rollups alone', () => {
    expect(splitPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({
      months: { from: '2025-01-01', to: '2025-12-01' },
      days: [],
    })
    expect(isWholeMonths(parsePeriod('2025-Q2')!)).toBe(true)
  })

  test('partial months at both ends are read as days', () => {
    expect(splitPeriod({ from: '2025-01-15', to: '2025-04-10' })).toEqual({
      months: { from: '2025-02-01', to: '2025-03-01' },
      days: [
        { from: '2025-01-15', to: '2025-01-31' },
        { from: '2025-04-01', to: '2025-04-10' },
      ],
    })
  })

  test('a range inside one month is all days', () => {
    expect(splitPeriod({ from: '2025-03-05', to: '2025-03-20' })).toEqual({
      months: null,
      days: [{ from: '2025-03-05', to: '2025-03-20' }],
    })
  })

  test('a range over two partial neighbouring months is all days', () => {
    expect(splitPeriod({ from: '2025-01-15', to: '2025-02-10' })).toEqual({
      months: null,
      days: [{ from: '2025-01-15', to: '2025-02-10' }],
    })
  })

  test('a range ending on the last day of February is whole at that end', () => {
    expect(splitPeriod({ from: '2024-01-20', to: '2024-02-29' })).toEqual({
      months: { from: '2024-02-01', to: '2024-02-01' },
      days: [{ from: '2024-01-20', to: '2024-01-31' }],
    })
  })
})

test('monthsIn lists every month a range touches', () => {
  expect(monthsIn({ from: '2024-11-20', to: '2025-02-03' })).toEqual([
    '2024-11-01',
    '2024-12-01',
    '2025-01-01',
    '2025-02-01',
  ])
})

test('wholeMonths widens a range to the months it touches', () => {
  expect(wholeMonths({ from: '2024-11-20', to: '2025-02-03' })).toEqual({ from: '2024-11-01', to: '2025-02-28' })
})

describe('periodOrThisYear', () => {
  test('is the period the text names, this year without one, and none for a text that is no period', () => {
    const now = new Date('2026-05-04T12:00:00Z')
    expect(periodOrThisYear('2025-Q2', now)).toMatchObject({ kind: 'quarter', from: '2025-04-01', to: '2025-06-30' })
    expect(periodOrThisYear(null, now)).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-12-31' })
    expect(periodOrThisYear('', now)).toMatchObject({ kind: 'year', key: '2026' })
    expect(periodOrThisYear('last year', now)).toBeNull()
  })
})
