import { describe, expect, test } from 'vitest'
import {
  MISSING,
  formatChange,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatNumber,
  formatPercent,
  formatRankChange,
  formatSignedNumber,
  formatTime,
  isoDate,
} from './format'

const NBSP = '\u00A0'

describe('formatPercent', () => {
  test('writes Vietnamese percentages with a decimal comma and a non-breaking space before %', () => {
    expect(formatPercent(90.23, 'vi')).toBe(`90,23${NBSP}%`)
  })

  test('writes English percentages with a decimal point and no space', () => {
    expect(formatPercent(90.23, 'en')).toBe('90.23%')
  })

  test('always shows two decimals by default, padding with zeros', () => {
    expect(formatPercent(91.1, 'vi')).toBe(`91,10${NBSP}%`)
    expect(formatPercent(100, 'en')).toBe('100.00%')
    expect(formatPercent(0, 'en')).toBe('0.00%')
  })

  test('rounds half up on the printed decimal, like the ranking does', () => {
    expect(formatPercent(89.995, 'en')).toBe('90.00%')
    expect(formatPercent(83.965, 'vi')).toBe(`83,97${NBSP}%`)
    expect(formatPercent(90.234, 'en')).toBe('90.23%')
  })

  test('takes another number of decimals when asked', () => {
    expect(formatPercent(66.5621, 'vi', 1)).toBe(`66,6${NBSP}%`)
    expect(formatPercent(66.5621, 'en', 0)).toBe('67%')
  })

  test('shows a dash for a missing figure', () => {
    expect(formatPercent(null, 'vi')).toBe(MISSING)
    expect(formatPercent(null, 'en')).toBe('—')
  })
})

describe('formatChange', () => {
  test('signs rises and falls in percentage points', () => {
    expect(formatChange(1.25, 'vi')).toBe('+1,25 điểm phần trăm')
    expect(formatChange(-1.25, 'vi')).toBe('-1,25 điểm phần trăm')
    expect(formatChange(1.25, 'en')).toBe('+1.25 pp')
    expect(formatChange(-0.5, 'en')).toBe('-0.50 pp')
  })

  test('no change, or one that rounds to nothing, has no sign', () => {
    expect(formatChange(0, 'en')).toBe('0.00 pp')
    expect(formatChange(-0.001, 'vi')).toBe('0,00 điểm phần trăm')
  })

  test('shows a dash when there is nothing to compare with', () => {
    expect(formatChange(null, 'en')).toBe(MISSING)
  })
})

describe('formatRankChange', () => {
  test.each([
    [13, 'tăng 13 bậc', 'up 13'],
    [-2, 'giảm 2 bậc', 'down 2'],
    [0, 'không đổi', 'no change'],
  ])('a change of %i reads "%s" and "%s"', (change, vi, en) => {
    expect(formatRankChange(change, 'vi')).toBe(vi)
    expect(formatRankChange(change, 'en')).toBe(en)
  })

  test('shows a dash for a unit without a previous rank', () => {
    expect(formatRankChange(null, 'vi')).toBe(MISSING)
  })
})

describe('formatNumber', () => {
  test.each([
    ['groups thousands with a dot in Vietnamese and a comma in English', 36525, '36.525', '36,525'],
    ['groups four-digit numbers too', 1234, '1.234', '1,234'],
    ['leaves small numbers alone', 580, '580', '580'],
    ['writes zero as 0', 0, '0', '0'],
    ['uses the decimal mark of the language', 1234567.5, '1.234.567,5', '1,234,567.5'],
  ])('%s', (_case, value, vi, en) => {
    expect(formatNumber(value, 'vi')).toBe(vi)
    expect(formatNumber(value, 'en')).toBe(en)
  })
})

describe('formatDecimal', () => {
  test('writes a points score with two decimals in the locale and no unit', () => {
    expect(formatDecimal(45.2, 'vi')).toBe('45,20')
    expect(formatDecimal(45.2, 'en')).toBe('45.20')
    expect(formatDecimal(null, 'en')).toBe(MISSING)
  })
})

describe('formatSignedNumber', () => {
  test('signs a change unless it is zero', () => {
    expect(formatSignedNumber(13, 'vi')).toBe('+13')
    expect(formatSignedNumber(-2, 'en')).toBe('-2')
    expect(formatSignedNumber(0, 'vi')).toBe('0')
    expect(formatSignedNumber(1200, 'vi')).toBe('+1.200')
    expect(formatSignedNumber(1200, 'en')).toBe('+1,200')
  })
})

describe('dates', () => {
  // 17:30 UTC on 5 March is half past midnight on 6 March in Vietnam.
  const lateEvening = new Date('2026-03-05T17:30:00Z')

  test('a day reads in the language, on Vietnam’s calendar', () => {
    expect(formatDate(lateEvening, 'vi')).toBe('6 thg 3, 2026')
    expect(formatDate(lateEvening, 'en')).toBe('6 Mar 2026')
  })

  test('a day in a sentence spells the month out', () => {
    expect(formatDate(lateEvening, 'vi', 'long')).toBe('6 tháng 3, 2026')
    expect(formatDate(lateEvening, 'en', 'long')).toBe('6 March 2026')
  })

  test('a calendar day stored as UTC midnight stays that day', () => {
    expect(formatDate(new Date('2026-03-05T00:00:00Z'), 'vi')).toBe('5 thg 3, 2026')
    expect(formatDate(new Date('2026-12-31T00:00:00Z'), 'en', 'long')).toBe('31 December 2026')
  })

  test('an ISO string from loader data reads like the Date it came from', () => {
    expect(formatDate(lateEvening.toISOString(), 'en')).toBe(formatDate(lateEvening, 'en'))
    expect(formatDateTime(lateEvening.toISOString(), 'vi')).toBe(formatDateTime(lateEvening, 'vi'))
  })

  test('a moment to the minute, in Vietnam time', () => {
    expect(formatDateTime(lateEvening, 'vi')).toBe('00:30 6 thg 3, 2026')
    expect(formatDateTime(lateEvening, 'en')).toBe('6 Mar 2026, 00:30')
  })

  test('a clock time is 24-hour in both languages', () => {
    expect(formatTime(lateEvening, 'vi')).toBe('00:30')
    expect(formatTime(new Date('2026-03-05T08:05:00Z'), 'en')).toBe('15:05')
  })

  test('isoDate is the UTC calendar day, what a @db.Date value stands for', () => {
    expect(isoDate(new Date('2026-03-05T00:00:00Z'))).toBe('2026-03-05')
    expect(isoDate(lateEvening)).toBe('2026-03-05')
    expect(isoDate(new Date(Date.UTC(2024, 2, 0)))).toBe('2024-02-29')
  })
})
