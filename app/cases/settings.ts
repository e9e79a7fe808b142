import { z } from 'zod'

/*
 * When a response becomes a case, how long the agency has to answer it, and how long a citizen's
 * contact details outlive the closed case (docs/decisions/026-cases.md). One Setting row
 * (app/cases/settings.server.ts).
 */
/** The bounds of each number, which the settings page states and checks. */
export const CASE_SETTING_LIMITS = {
  dissatisfiedAtOrBelow: { min: 1, max: 4 },
  deadlineWorkingDays: { min: 1, max: 60 },
  contactRetentionDays: { min: 0, max: 365 },
} as const

const { dissatisfiedAtOrBelow, deadlineWorkingDays, contactRetentionDays } = CASE_SETTING_LIMITS

export const NATIONAL_DAY_SECOND_DAYS = ['before', 'after'] as const

export const CaseSettingsSchema = z.object({
  /** A response with a comment opens a case when any satisfaction answer is at or below this (1–5 scale). */
  dissatisfiedAtOrBelow: z.number().int().min(dissatisfiedAtOrBelow.min).max(dissatisfiedAtOrBelow.max).default(2),
  /** Working days (no weekends, no public holidays) from the day of the response to the deadline. */
  deadlineWorkingDays: z.number().int().min(deadlineWorkingDays.min).max(deadlineWorkingDays.max).default(10),
  /** Days a citizen's phone number or e-mail address is kept after their case closes. */
  contactRetentionDays: z.number().int().min(contactRetentionDays.min).max(contactRetentionDays.max).default(30),
  /**
   * Extra days off the government declares year by year (swapped working days around Tết or
   * National Day), YYYY-MM-DD; the statutory holidays come from the calendar.
   */
  extraDaysOff: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  /**
   * National Day is 2 September and the day before or after it, as the government decides
   * (Labour Code 2019, art. 112): 1 September unless set to 'after'.
   */
  nationalDaySecondDay: z.enum(NATIONAL_DAY_SECOND_DAYS).default('before'),
})
export type CaseSettings = z.infer<typeof CaseSettingsSchema>
