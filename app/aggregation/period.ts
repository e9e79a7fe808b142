import { isoDate } from '~/i18n/format'
import type { LocalizedText } from '~/questionnaire/definition'

/**
 * Reporting periods. A period is an inclusive range of calendar days (Vietnamese dates, as
 * `Response.submittedOn` stores them), written 'YYYY-MM-DD'. The text forms are what URLs carry:
 * '2025' (year), '2025-Q2' (quarter), '2025-03' (month), '2025-01-15..2025-02-10' (custom range).
 */
export type PeriodKind = 'year' | 'quarter' | 'month' | 'range'

/** An inclusive range of days; what the database queries need. */
export type DateRange = { from: string; to: string }

export type Period = DateRange & {
  kind: PeriodKind
  /** The canonical text form, parsePeriod(period.key) gives the period back. */
  key: string
  label: LocalizedText
}

/** A custom range longer than this is refused: nobody reports on it and it scans too much. */
export const MAX_RANGE_DAYS = 3660

const DAY_MS = 86_400_000
const YEAR = /^(\d{4})$/
const QUARTER = /^(\d{4})-Q([1-4])$/i
const MONTH = /^(\d{4})-(\d{2})$/
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/
const ROMAN = ['I', 'II', 'III', 'IV']
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The period a text form names; null when it names none (bad format, impossible date, to < from). */
export function parsePeriod(text: string): Period | null {
  const trimmed = text.trim()
  const year = YEAR.exec(trimmed)
  if (year) return yearPeriod(Number(year[1]))
  const quarter = QUARTER.exec(trimmed)
  if (quarter) return quarterPeriod(Number(quarter[1]), Number(quarter[2]))
  const month = MONTH.exec(trimmed)
  if (month) {
    const m = Number(month[2])
    return m >= 1 && m <= 12 ? monthPeriod(Number(month[1]), m) : null
  }
  const range = RANGE.exec(trimmed)
  if (range && isDate(range[1]!) && isDate(range[2]!)) return rangePeriod(range[1]!, range[2]!)
  return null
}

/**
 * The period a page's `?period=` names, the current calendar year when it names none; null
 * when the text is not a period.
 */
export function periodOrThisYear(text: string | null, now = new Date()): Period | null {
  return text ? parsePeriod(text) : yearPeriod(now.getUTCFullYear())
}

export function yearPeriod(year: number): Period {
  return {
    kind: 'year',
    key: String(year),
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    label: { vi: `Năm ${year}`, en: String(year) },
  }
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1
  return {
    kind: 'quarter',
    key: `${year}-Q${quarter}`,
    from: firstDay(year, first),
    to: lastDay(year, first + 2),
    label: { vi: `Quý ${ROMAN[quarter - 1]}/${year}`, en: `Q${quarter} ${year}` },
  }
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    key: `${year}-${pad(month)}`,
    from: firstDay(year, month),
    to: lastDay(year, month),
    label: { vi: `Tháng ${month}/${year}`, en: `${MONTHS_EN[month - 1]} ${year}` },
  }
}

/** A custom range; null when it ends before it starts or is longer than MAX_RANGE_DAYS. */
export function rangePeriod(from: string, to: string): Period | null {
  if (!isDate(from) || !isDate(to) || to < from) return null
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) return null
  return {
    kind: 'range',
    key: `${from}..${to}`,
    from,
    to,
    label: { vi: `${viDate(from)} – ${viDate(to)}`, en: `${from} – ${to}` },
  }
}

/** The period just before, of the same kind and length (for changes and rank changes). */
export function previousPeriod(period: Period): Period {
  const [year, month] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))]
  switch (period.kind) {
    case 'year':
      return yearPeriod(year - 1)
    case 'quarter': {
      const quarter = (month - 1) / 3 + 1
      return quarter === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, quarter - 1)
    }
    case 'month':
      return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1)
    case 'range': {
      const length = daysBetween(period.from, period.to) + 1
      return rangePeriod(addDays(period.from, -length), addDays(period.from, -1))!
    }
  }
}

/**
 * How a range is read: whole calendar months from the monthly rollups, and the days of a month
 * covered only in part from the raw answers (at most one partial month at each end).
 */
export type PeriodParts = {
  /** First days of the first and last whole month, or null when no month is covered whole. */
  months: DateRange | null
  /** Day ranges inside partially covered months. */
  days: DateRange[]
}

export function splitPeriod(range: DateRange): PeriodParts {
  const startsOnMonth = range.from.endsWith('-01')
  const endsOnMonth = range.to === lastDayOfMonth(range.to)
  const firstWhole = startsOnMonth ? monthStart(range.from) : monthStart(addMonths(range.from, 1))
  const lastWhole = endsOnMonth ? monthStart(range.to) : monthStart(addMonths(range.to, -1))
  if (firstWhole > lastWhole) return { months: null, days: [range] }
  const days: DateRange[] = []
  if (!startsOnMonth) days.push({ from: range.from, to: addDays(firstWhole, -1) })
  if (!endsOnMonth) days.push({ from: addMonths(lastWhole, 1), to: range.to })
  return { months: { from: firstWhole, to: lastWhole }, days }
}

/** The first days of every month the range touches, in order ('YYYY-MM-01'). */
export function monthsIn(range: DateRange): string[] {
  const months: string[] = []
  for (let month = monthStart(range.from); month <= range.to; month = addMonths(month, 1)) months.push(month)
  return months
}

/** The whole months a range touches, from the first day of the first to the last day of the last. */
export function wholeMonths(range: DateRange): DateRange {
  return { from: monthStart(range.from), to: lastDayOfMonth(range.to) }
}

/** Whether a range is made of whole months only (then rollups answer it alone). */
export function isWholeMonths(range: DateRange): boolean {
  return splitPeriod(range).days.length === 0
}

function isDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`)
  return Number.isFinite(time) && isoDate(new Date(time)) === text
}

function firstDay(year: number, month: number): string {
  return `${year}-${pad(month)}-01`
}

function lastDay(year: number, month: number): string {
  return isoDate(new Date(Date.UTC(year, month, 0)))
}

function lastDayOfMonth(date: string): string {
  return lastDay(Number(date.slice(0, 4)), Number(date.slice(5, 7)))
}

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`
}

/** Moves to the first day of the month `count` months away. */
function addMonths(date: string, count: number): string {
  return isoDate(new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + count, 1)))
}

function addDays(date: string, count: number): string {
  return isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + count * DAY_MS))
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

function viDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
