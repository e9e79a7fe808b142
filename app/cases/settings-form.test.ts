import { describe, expect, test } from 'vitest'
import { CaseSettingsFormSchema, firstInvalidDay, MAX_EXTRA_DAYS_OFF } from './settings-form'

const form = { dissatisfiedAtOrBelow: '2', deadlineWorkingDays: '10', contactRetentionDays: '30', nationalDaySecondDay: 'after' }
const issuesOf = (input: Record<string, string>) => {
  const parsed = CaseSettingsFormSchema.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])
}

describe('the case settings form', () => {
  test('reads the numbers, and the extra days off one per line without blanks or repeats, in order', () => {
    const parsed = CaseSettingsFormSchema.parse({ ...form, extraDaysOff: ' 2026-09-01\r\n\n2026-01-02\n2026-09-01\n' })
    expect(parsed).toEqual({
      dissatisfiedAtOrBelow: 2,
      deadlineWorkingDays: 10,
      contactRetentionDays: 30,
      nationalDaySecondDay: 'after',
      extraDaysOff: ['2026-01-02', '2026-09-01'],
    })
    expect(CaseSettingsFormSchema.parse({ ...form, extraDaysOff: '' }).extraDaysOff).toEqual([])
  })

  test.each(['2026-02-30', '2026-13-01', '2026-2-16', '16/02/2026', 'Tết'])('refuses the day %j, naming it', (day) => {
    const text = `2026-01-02\n${day}\n2026-12-31`
    expect(firstInvalidDay(text)).toBe(day)
    expect(issuesOf({ ...form, extraDaysOff: text })).toEqual([['extraDaysOff', 'settings.errors.extraDaysOff']])
  })

  test('refuses more than MAX_EXTRA_DAYS_OFF days', () => {
    const days = Array.from({ length: MAX_EXTRA_DAYS_OFF + 1 }, (_, at) => new Date(Date.UTC(2026, 0, 1 + at)).toISOString().slice(0, 10))
    expect(issuesOf({ ...form, extraDaysOff: days.join('\n') })).toEqual([['extraDaysOff', 'settings.errors.extraDaysOffTooMany']])
    expect(issuesOf({ ...form, extraDaysOff: days.slice(1).join('\n') })).toEqual([])
  })

  test.each([
    ['dissatisfiedAtOrBelow', '5'],
    ['dissatisfiedAtOrBelow', '0'],
    ['deadlineWorkingDays', '61'],
    ['deadlineWorkingDays', '2.5'],
    ['contactRetentionDays', '-1'],
    ['contactRetentionDays', 'abc'],
    ['contactRetentionDays', ' '],
    ['nationalDaySecondDay', 'both'],
  ])('refuses %s = %j', (field, value) => {
    expect(issuesOf({ ...form, extraDaysOff: '', [field]: value })).toEqual([[field, `settings.errors.${field}`]])
  })
})
