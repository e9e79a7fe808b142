import { describe, expect, test } from 'vitest'
import { compensatoryDays, daysOffOfYear, dueOn, isWorkingDay, statutoryHolidays, tetFirstDay } from './deadline'

const settings = { extraDaysOff: [], nationalDaySecondDay: 'before' as const }

describe('the Vietnamese calendar', () => {
  // Checked against the lunar calendar: Bính Ngọ begins on Tuesday 17 February 2026, Đinh Mùi on
  // Saturday 6 February 2027.
  test('Tết is five days: the last day of the lunar year and the first four of the new one', () => {
    expect(tetFirstDay(2026)).toBe('2026-02-17')
    expect(statutoryHolidays(2026, settings).filter((day) => day.startsWith('2026-02'))).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ])
    expect(tetFirstDay(2027)).toBe('2027-02-06')
    expect(statutoryHolidays(2027, settings).filter((day) => day.startsWith('2027-02'))).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
    ])
  })

  test('the fixed holidays and the Hùng Kings day come from the calendar, National Day has two days', () => {
    const days = statutoryHolidays(2026, settings)
    expect(days).toEqual(expect.arrayContaining(['2026-01-01', '2026-04-26', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']))
    expect(days).toHaveLength(1 + 5 + 1 + 2 + 2)
    const after = statutoryHolidays(2026, { nationalDaySecondDay: 'after' })
    expect(after).toContain('2026-09-03')
    expect(after).not.toContain('2026-09-01')
  })

  test('a holiday on a weekend gives the next working day off, past the end of a run of holidays', () => {
    // Tết 2027 covers Saturday 6 and Sunday 7 February and runs to Tuesday 9.
    expect(compensatoryDays(statutoryHolidays(2027, settings))).toEqual(
      expect.arrayContaining(['2027-02-10', '2027-02-11'])
    )
    expect(isWorkingDay('2027-02-10', settings)).toBe(false)
    expect(isWorkingDay('2027-02-11', settings)).toBe(false)
    expect(isWorkingDay('2027-02-12', settings)).toBe(true)
    // The Hùng Kings day 2026 is a Sunday; 1 January 2028 a Saturday.
    expect(isWorkingDay('2026-04-27', settings)).toBe(false)
    expect(isWorkingDay('2028-01-03', settings)).toBe(false)
    expect(isWorkingDay('2028-01-04', settings)).toBe(true)
  })

  test('weekends are not working days, ordinary weekdays are', () => {
    expect(isWorkingDay('2026-03-07', settings)).toBe(false)
    expect(isWorkingDay('2026-03-08', settings)).toBe(false)
    expect(isWorkingDay('2026-03-09', settings)).toBe(true)
  })
})

describe('daysOffOfYear', () => {
  test('lists each day off of the year once, in order, with why: a holiday, its compensatory day, a declared day', () => {
    // 2 January 2026 declared off (a Friday next to New Year's Day); 2026-04-30 added although already a holiday.
    const days = daysOffOfYear(2026, { extraDaysOff: ['2026-01-02', '2026-04-30', '2027-01-04'], nationalDaySecondDay: 'before' })
    expect(days.slice(0, 2)).toEqual([
      { day: '2026-01-01', kind: 'holiday' },
      { day: '2026-01-02', kind: 'extra' },
    ])
    // The Hùng Kings day falls on Sunday 26 April 2026: Monday 27 is its compensatory day.
    expect(days.filter(({ day }) => day.startsWith('2026-04'))).toEqual([
      { day: '2026-04-26', kind: 'holiday' },
      { day: '2026-04-27', kind: 'compensatory' },
      { day: '2026-04-30', kind: 'holiday' },
    ])
    expect(days.map(({ day }) => day)).toEqual([...new Set(days.map(({ day }) => day))].sort())
    expect(days.some(({ day }) => day.startsWith('2027'))).toBe(false)
    expect(days.filter(({ kind }) => kind === 'holiday').map(({ day }) => day)).toEqual(statutoryHolidays(2026, settings))
  })
})

describe('dueOn', () => {
  test('counts working days after the opening day', () => {
    expect(dueOn('2026-03-02', 10, settings)).toBe('2026-03-16')
    expect(dueOn('2026-03-06', 1, settings)).toBe('2026-03-09')
    // Opened on a Saturday: the next working day is the first.
    expect(dueOn('2026-03-07', 1, settings)).toBe('2026-03-09')
  })

  test('skips Tết 2026', () => {
    expect(dueOn('2026-02-13', 5, settings)).toBe('2026-02-27')
  })

  test('skips Tết 2027 and its compensatory days', () => {
    expect(dueOn('2027-02-04', 1, settings)).toBe('2027-02-12')
  })

  test('skips 30 April and 1 May, and the day off for 1 May on a Saturday', () => {
    expect(dueOn('2026-04-29', 3, settings)).toBe('2026-05-06')
    expect(dueOn('2027-04-29', 1, settings)).toBe('2027-05-04')
  })

  test('skips both days of National Day, whichever the second is', () => {
    expect(dueOn('2026-08-31', 1, settings)).toBe('2026-09-03')
    expect(dueOn('2026-08-31', 1, { ...settings, nationalDaySecondDay: 'after' })).toBe('2026-09-01')
    expect(dueOn('2026-09-01', 1, { ...settings, nationalDaySecondDay: 'after' })).toBe('2026-09-04')
  })

  test('skips an extra day off the government declared', () => {
    expect(dueOn('2025-12-31', 1, settings)).toBe('2026-01-02')
    expect(dueOn('2025-12-31', 1, { ...settings, extraDaysOff: ['2026-01-02'] })).toBe('2026-01-05')
  })
})
