/*
 * The exports form asks for a period in pieces — its kind, then a year, a quarter, a month or two
 * days — and the filters take its text form ('2025', '2025-Q2', '2025-03', '2025-01-15..2025-02-10',
 * app/aggregation/period.ts). This joins the pieces; the filter schema then checks the result.
 */

export const PERIOD_KINDS = ['year', 'quarter', 'month', 'range'] as const
export type PeriodKindField = (typeof PERIOD_KINDS)[number]

type PeriodFields = { periodKind?: string; year?: string; quarter?: string; month?: string; from?: string; to?: string }

/** The period's text from the form's fields; '' when the kind's fields are empty. */
export function periodFromFields({ periodKind, year = '', quarter = '', month = '', from = '', to = '' }: PeriodFields): string {
  const y = year.trim()
  switch (periodKind) {
    case 'year':
      return y
    case 'quarter':
      return y && quarter ? `${y}-Q${quarter.trim()}` : ''
    case 'month':
      return y && month ? `${y}-${month.trim().padStart(2, '0')}` : ''
    case 'range':
      return from && to ? `${from.trim()}..${to.trim()}` : ''
    default:
      return ''
  }
}
