import { expect, test } from 'vitest'
import { vietnamDay, vietnamMinuteOfDay } from './vietnam-time'

test('the submission day is the calendar day in Vietnam (UTC+7)', () => {
  expect(vietnamDay(new Date('2026-03-01T16:59:59Z'))).toBe('2026-03-01')
  expect(vietnamDay(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02')
  expect(vietnamDay(new Date('2025-12-31T20:00:00Z'))).toBe('2026-01-01')
})

test('the time of day is Vietnamese local time', () => {
  expect(vietnamMinuteOfDay(new Date('2026-03-01T10:00:00Z'))).toBe(17 * 60)
  expect(vietnamMinuteOfDay(new Date('2026-03-01T17:30:00Z'))).toBe(30)
})
