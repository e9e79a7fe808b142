import type { Language } from './config'

/**
 * Number and date formatting: the one place figures and dates are written for people.
 *
 * Numbers: percentages with 2 decimals, `90,23 %` in Vietnamese and `90.23%` in English,
 * changes in percentage points. Digits come from Intl (vi-VN: "." groups thousands, "," marks
 * decimals); the units around them are ours, because Intl's percent style multiplies by 100 and
 * spaces the sign differently per locale.
 */

/** Shown wherever a figure is missing or suppressed. */
export const MISSING = '—'

const LOCALE_TAGS: Record<Language, string> = { vi: 'vi-VN', en: 'en-US' }

// Vietnamese typography puts a space before %; it must not break the line between number and sign.
const PERCENT_SUFFIX: Record<Language, string> = { vi: '\u00A0%', en: '%' }
const POINTS_SUFFIX: Record<Language, string> = { vi: ' điểm phần trăm', en: ' pp' }

export function formatPercent(value: number | null, locale: Language, digits = 2): string {
  if (value === null) return MISSING
  return fixedDigits(locale, digits, 'auto').format(value) + PERCENT_SUFFIX[locale]
}

/** A change in percentage points, always signed so that "+1,25" and "-1,25" read as changes. */
export function formatChange(points: number | null, locale: Language, digits = 2): string {
  if (points === null) return MISSING
  return fixedDigits(locale, digits, 'exceptZero').format(points) + POINTS_SUFFIX[locale]
}

/** A rank change (previous rank − rank): "tăng 13 bậc" / "up 13". */
export function formatRankChange(change: number | null, locale: Language): string {
  if (change === null) return MISSING
  const steps = formatNumber(Math.abs(change), locale)
  if (locale === 'vi')
    return change > 0 ? `tăng ${steps} bậc` : change < 0 ? `giảm ${steps} bậc` : 'không đổi'
  return change > 0 ? `up ${steps}` : change < 0 ? `down ${steps}` : 'no change'
}

/** A score on a points scale (PAPI, PCI): 2 decimals in the locale's digits, no unit. */
export function formatDecimal(value: number | null, locale: Language, digits = 2): string {
  if (value === null) return MISSING
  return fixedDigits(locale, digits, 'auto').format(value)
}

/** Counts such as respondents: 36.525 in Vietnamese, 36,525 in English. */
export function formatNumber(value: number, locale: Language): string {
  return numberFormat(locale, {}).format(value)
}

/** A whole-number change, signed unless zero: "+13", "-2", "0" (a change of rank). */
export function formatSignedNumber(value: number, locale: Language): string {
  return numberFormat(locale, { signDisplay: 'exceptZero' }).format(value)
}

function fixedDigits(locale: Language, digits: number, signDisplay: 'auto' | 'exceptZero') {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay })
}

// Building an Intl.NumberFormat costs far more than using one, and a ranking table formats
// thousands of cells with the same few settings.
const formatters = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify([locale, options])
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE_TAGS[locale], options)
    formatters.set(key, formatter)
  }
  return formatter
}

/*
 * Dates. Every date people read is shown in Vietnam time, whatever the server's or the browser's
 * time zone, so the server's rendering and the browser's agree (no hydration mismatch) and an
 * official abroad sees the dates their colleagues see. English writes the day first (en-GB),
 * like Vietnamese. A `@db.Date` column reads back as UTC midnight, which is 07:00 the same day in
 * Vietnam, so calendar days and instants go through the same functions.
 */

const DATE_LOCALE_TAGS: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' }
const TIME_ZONE = 'Asia/Ho_Chi_Minh'

/**
 * A day for a table ("6 thg 3, 2026" / "6 Mar 2026") or, with `long`, for a sentence
 * ("6 tháng 3, 2026" / "6 March 2026"). Takes a Date or its ISO string, as loader data carries it.
 */
export function formatDate(date: Date | string, locale: Language, style: 'medium' | 'long' = 'medium'): string {
  return dateFormat(locale, { dateStyle: style }).format(new Date(date))
}

/** A moment to the minute: "00:30 6 thg 3, 2026" / "6 Mar 2026, 00:30". */
export function formatDateTime(instant: Date | string, locale: Language): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant))
}

/** A clock time, 24-hour in both languages: "00:30". */
export function formatTime(instant: Date | string, locale: Language): string {
  return dateFormat(locale, { timeStyle: 'short' }).format(new Date(instant))
}

/**
 * The UTC calendar day of `date` as YYYY-MM-DD: the day a `@db.Date` value stands for, or the
 * result of date arithmetic done in UTC (`Date.UTC`, `T00:00:00Z`). For the day it is in Vietnam
 * at an instant, `vietnamDay` in app/responses/vietnam-time.ts.
 */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>()

function dateFormat(locale: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale, options])
  let formatter = dateFormatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(DATE_LOCALE_TAGS[locale], { ...options, timeZone: TIME_ZONE })
    dateFormatters.set(key, formatter)
  }
  return formatter
}
