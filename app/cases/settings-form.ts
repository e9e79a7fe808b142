import { z } from 'zod'
import { CASE_SETTING_LIMITS, NATIONAL_DAY_SECOND_DAYS } from './settings'

/*
 * The form of /admin/cases (messages are keys of the `cases` namespace), checked by
 * react-hook-form in the browser and again by the action. The government's extra days off are
 * typed one per line: blank lines are skipped, each line must be a day of the calendar written
 * YYYY-MM-DD (2026-02-30 is refused, not rolled over to March), and what is stored is the days
 * without repeats, in order.
 */

/** More than this many extra days off is not a list of declared days but a mistake. */
export const MAX_EXTRA_DAYS_OFF = 200

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Whether `day` is a real day written YYYY-MM-DD. */
function isCalendarDay(day: string): boolean {
  if (!DAY.test(day)) return false
  const time = Date.parse(`${day}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day)
}

/** The lines of the extra days off, trimmed, blank ones left out. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** The first line that is not a day of the calendar, for the message; null when all are. */
export function firstInvalidDay(text: string): string | null {
  return lines(text).find((line) => !isCalendarDay(line)) ?? null
}

/** A stored list of days as the textarea shows it. */
export function daysOffText(days: readonly string[]): string {
  return days.join('\n')
}

const number = (field: keyof typeof CASE_SETTING_LIMITS) => {
  const error = { error: `settings.errors.${field}` }
  const { min, max } = CASE_SETTING_LIMITS[field]
  // A blank field is refused, not read as 0 (which is a valid retention).
  return z.string(error).trim().min(1, error).transform(Number).pipe(z.number(error).int(error).min(min, error).max(max, error))
}

export const CaseSettingsFormSchema = z.object({
  dissatisfiedAtOrBelow: number('dissatisfiedAtOrBelow'),
  deadlineWorkingDays: number('deadlineWorkingDays'),
  contactRetentionDays: number('contactRetentionDays'),
  nationalDaySecondDay: z.enum(NATIONAL_DAY_SECOND_DAYS, { error: 'settings.errors.nationalDaySecondDay' }),
  extraDaysOff: z
    .string({ error: 'settings.errors.extraDaysOff' })
    .refine((text) => firstInvalidDay(text) === null, { error: 'settings.errors.extraDaysOff' })
    .transform((text) => [...new Set(lines(text))].sort())
    .refine((days) => days.length <= MAX_EXTRA_DAYS_OFF, { error: 'settings.errors.extraDaysOffTooMany' }),
})
export type CaseSettingsFormInput = z.input<typeof CaseSettingsFormSchema>
export type CaseSettingsFormOutput = z.output<typeof CaseSettingsFormSchema>
