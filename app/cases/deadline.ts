import Holidays from 'date-holidays'
import type { CaseSettings } from './settings'

/*
 * Working days in Vietnam, for a case's deadline (docs/decisions/026-cases.md): not a Saturday or
 * a Sunday, not a public holiday of the Labour Code 2019 (art. 112), not a compensatory day off
 * for a holiday that fell on a weekend (art. 112(3)), not a day off the government declared
 * (settings.extraDaysOff). Days are YYYY-MM-DD strings; the arithmetic is in UTC so no time zone
 * shifts a day.
 *
 * date-holidays knows the fixed-date holidays, the Hùng Kings' day and, of Tết, only the eve and
 * the first day. The Labour Code gives Tết five days (the last day of the lunar year and the
 * first four of the new one) and National Day two (2 September and the day before or after, as
 * the government decides each year): those are added here.
 */

export type CalendarSettings = Pick<CaseSettings, 'extraDaysOff' | 'nationalDaySecondDay'>

const DAY_MS = 24 * 60 * 60 * 1000
const TET_FIRST_DAY = 'Tết Nguyên Đán'

const calendar = new Holidays('VN')
const libraryYears = new Map<number, ReturnType<Holidays['getHolidays']>>()

/**
 * The library's holidays of `year`, computed once per process: the lunar dates take it about
 * 0.2 s a year, which a submission opening a case must not wait for (warmCalendar).
 */
function libraryHolidays(year: number) {
  let holidays = libraryYears.get(year)
  if (!holidays) libraryYears.set(year, (holidays = calendar.getHolidays(year)))
  return holidays
}

/** Computes the years around `today` ahead of the first deadline (the app server calls it at start). */
export function warmCalendar(today = new Date()): void {
  const year = today.getUTCFullYear()
  for (const around of [year - 1, year, year + 1]) libraryHolidays(around)
}

function toTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`)
}

function toDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return toDay(toTime(day) + days * DAY_MS)
}

function isWeekend(day: string): boolean {
  const weekday = new Date(toTime(day)).getUTCDay()
  return weekday === 0 || weekday === 6
}

/** The first day of the lunar new year in `year` (from the calendar library). */
export function tetFirstDay(year: number): string {
  const tet = libraryHolidays(year).find((holiday) => holiday.name === TET_FIRST_DAY)
  if (!tet) throw new Error(`tetFirstDay: the calendar has no Tết in ${year}`)
  return tet.date.slice(0, 10)
}

/** The statutory public holidays of `year` (art. 112(1)), before any compensation. */
export function statutoryHolidays(year: number, settings: Pick<CalendarSettings, 'nationalDaySecondDay'>): string[] {
  const days = new Set(
    libraryHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10))
  )
  const tet = tetFirstDay(year)
  for (let offset = -1; offset <= 3; offset++) days.add(addDays(tet, offset))
  const nationalDay = `${year}-09-02`
  days.add(nationalDay)
  days.add(addDays(nationalDay, settings.nationalDaySecondDay === 'after' ? 1 : -1))
  return [...days].sort()
}

/**
 * The compensatory days off of `year` (art. 112(3)): for each holiday on a Saturday or a Sunday,
 * the next day that is neither a weekend, a holiday nor already a compensatory day. A run of
 * holidays (Tết) pushes its compensatory days past the run's end.
 */
export function compensatoryDays(holidays: readonly string[]): string[] {
  const taken = new Set(holidays)
  const compensations: string[] = []
  for (const holiday of [...holidays].sort()) {
    if (!isWeekend(holiday)) continue
    let day = addDays(holiday, 1)
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1)
    taken.add(day)
    compensations.push(day)
  }
  return compensations
}

export type DayOffKind = 'holiday' | 'compensatory' | 'extra'
export type DayOff = { day: string; kind: DayOffKind }

/**
 * The days off of `year`, each with why: a statutory holiday (listed even on a weekend), the
 * compensatory day of one, or a day the government declared (settings.extraDaysOff). A day with
 * more than one reason is listed once, under the first of those. The settings page shows this
 * list, so the administrator sees what is counted already and what is left to add.
 */
export function daysOffOfYear(year: number, settings: CalendarSettings): DayOff[] {
  const holidays = statutoryHolidays(year, settings)
  // A compensatory day for a late-December holiday may fall in January: the year before is asked too.
  const previous = statutoryHolidays(year - 1, settings)
  const reasons = new Map<string, DayOffKind>()
  const add = (days: readonly string[], kind: DayOffKind) => {
    for (const day of days) if (day.startsWith(`${year}-`) && !reasons.has(day)) reasons.set(day, kind)
  }
  add(holidays, 'holiday')
  add([...compensatoryDays(holidays), ...compensatoryDays(previous)], 'compensatory')
  add(settings.extraDaysOff, 'extra')
  return [...reasons].map(([day, kind]) => ({ day, kind })).sort((a, b) => a.day.localeCompare(b.day))
}

const daysOffByYear = new Map<string, ReadonlySet<string>>()

/** Every day off in `year` (daysOffOfYear), as a set, computed once per year and settings. */
function daysOff(year: number, settings: CalendarSettings): ReadonlySet<string> {
  const key = `${year}|${settings.nationalDaySecondDay}|${settings.extraDaysOff.join(',')}`
  const cached = daysOffByYear.get(key)
  if (cached) return cached
  const inYear = new Set(daysOffOfYear(year, settings).map(({ day }) => day))
  daysOffByYear.set(key, inYear)
  return inYear
}

export function isWorkingDay(day: string, settings: CalendarSettings): boolean {
  return !isWeekend(day) && !daysOff(Number(day.slice(0, 4)), settings).has(day)
}

/**
 * The deadline of a case opened on `openedOn`: the `workingDays`-th working day after it (the
 * opening day itself does not count, whether or not it is a working day).
 */
export function dueOn(openedOn: string, workingDays: number, settings: CalendarSettings): string {
  let day = openedOn
  for (let counted = 0; counted < workingDays; ) {
    day = addDays(day, 1)
    if (isWorkingDay(day, settings)) counted++
  }
  return day
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS)
}
