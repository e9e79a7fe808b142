/*
 * Calendar days as ISO strings (YYYY-MM-DD), the way `@db.Date` columns read back at UTC
 * midnight. A `@db.Date` value as its day: `isoDate` in app/i18n/format.ts; today in Vietnam:
 * `vietnamDay` in app/responses/vietnam-time.ts.
 */

/** A day as the `@db.Date` value for it. */
export function dateOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateOf(to).getTime() - dateOf(from).getTime()) / 86_400_000) + 1
}

/** 02/03/2026 in both languages (the way dates are written on the paper forms). */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-')
  return `${date}/${month}/${year}`
}
