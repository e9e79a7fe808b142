import { quantileSorted } from 'd3-array'
import { daysBetween } from '~/cases/deadline'
import { rankUnits } from '~/ranking/rank'

/*
 * How fast agencies answer their cases (docs/decisions/026-cases.md), for the Ministry's and a
 * province's views. Pure: case rows in, one line per agency out, ranked like any other figure
 * (app/ranking/rank.ts, competition ranks) on the share answered on time.
 *
 * - Response time: calendar days from the day the case opened to the day (in Vietnam) it was
 *   first answered; the median and the 90th percentile (linear interpolation between ranks, as
 *   d3-array's quantile) of the answered cases.
 * - On time: answered on or before its deadline. The share counts the cases whose outcome is
 *   known: answered ones, and unanswered ones past their deadline (open or closed without an
 *   answer). A case still open within its deadline may yet be on time and is not counted.
 */

export type CaseTiming = {
  agencyId: string
  openedOn: string
  dueOn: string
  /** The day in Vietnam the case was first answered, or null. */
  answeredOn: string | null
  closed: boolean
}

export type AgencyResponseTime = {
  key: string
  cases: number
  answered: number
  open: number
  overdue: number
  medianDays: number | null
  p90Days: number | null
  /** Share answered on time, in percent of the cases whose outcome is known; null when none is. */
  onTimeShare: number | null
  decided: number
}

export function agencyResponseTime(agencyId: string, cases: readonly CaseTiming[], today: string): AgencyResponseTime {
  const days = cases
    .flatMap((c) => (c.answeredOn ? [daysBetween(c.openedOn, c.answeredOn)] : []))
    .sort((a, b) => a - b)
  const unanswered = cases.filter((c) => c.answeredOn === null)
  const late = unanswered.filter((c) => c.dueOn < today)
  const onTime = cases.filter((c) => c.answeredOn !== null && c.answeredOn <= c.dueOn).length
  const decided = days.length + late.length
  return {
    key: agencyId,
    cases: cases.length,
    answered: days.length,
    open: unanswered.filter((c) => !c.closed).length,
    overdue: late.filter((c) => !c.closed).length,
    medianDays: days.length ? quantileSorted(days, 0.5)! : null,
    p90Days: days.length ? quantileSorted(days, 0.9)! : null,
    onTimeShare: decided ? (100 * onTime) / decided : null,
    decided,
  }
}

/** One line per agency (every agency of `agencyIds`, with or without cases), ranked on the share answered on time. */
export function rankResponseTimes(agencyIds: readonly string[], cases: readonly CaseTiming[], today: string) {
  const byAgency = new Map<string, CaseTiming[]>(agencyIds.map((id) => [id, []]))
  for (const c of cases) byAgency.get(c.agencyId)?.push(c)
  const lines = [...byAgency].map(([id, own]) => agencyResponseTime(id, own, today))
  return rankUnits(lines.map((line) => ({ ...line, score: line.onTimeShare }))).units
}
