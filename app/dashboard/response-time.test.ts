import { describe, expect, test } from 'vitest'
import { agencyResponseTime, type CaseTiming, rankResponseTimes } from './response-time'

const opened = (agencyId: string, openedOn: string, dueOn: string, answeredOn: string | null, closed = false): CaseTiming => ({
  agencyId,
  openedOn,
  dueOn,
  answeredOn,
  closed,
})
const today = '2026-03-20'

describe('agencyResponseTime', () => {
  test('median and 90th percentile of the days to the first answer', () => {
    // 1, 2, 3, 4 and 10 days.
    const cases = [
      opened('a', '2026-03-02', '2026-03-16', '2026-03-03'),
      opened('a', '2026-03-02', '2026-03-16', '2026-03-04'),
      opened('a', '2026-03-02', '2026-03-16', '2026-03-05'),
      opened('a', '2026-03-02', '2026-03-16', '2026-03-06'),
      opened('a', '2026-03-02', '2026-03-16', '2026-03-12'),
    ]
    const line = agencyResponseTime('a', cases, today)
    expect(line.medianDays).toBe(3)
    // Rank 0.9 × 4 = 3.6 between 4 and 10: 4 + 0.6 × 6.
    expect(line.p90Days).toBeCloseTo(7.6, 10)
    expect(line).toMatchObject({ cases: 5, answered: 5, open: 0, overdue: 0, onTimeShare: 100 })
  })

  test('on time: answered on or before the deadline, out of the cases whose outcome is known', () => {
    const cases = [
      opened('a', '2026-03-02', '2026-03-16', '2026-03-16'), // on the deadline: on time
      opened('a', '2026-03-02', '2026-03-16', '2026-03-17'), // a day late
      opened('a', '2026-03-02', '2026-03-16', null), // open, overdue
      opened('a', '2026-03-02', '2026-03-16', null, true), // closed unanswered after its deadline: late
      opened('a', '2026-03-19', '2026-04-02', null), // open within its deadline: not yet counted
    ]
    const line = agencyResponseTime('a', cases, today)
    expect(line).toMatchObject({ cases: 5, answered: 2, open: 2, overdue: 1, decided: 4, onTimeShare: 25 })
  })

  test('an agency without answered cases has no times and, with nothing decided, no share', () => {
    expect(agencyResponseTime('a', [opened('a', '2026-03-19', '2026-04-02', null)], today)).toMatchObject({
      medianDays: null,
      p90Days: null,
      onTimeShare: null,
      open: 1,
    })
  })
})

describe('rankResponseTimes', () => {
  test('competition ranks on the share answered on time; agencies with nothing decided are unranked', () => {
    const cases = [
      opened('b', '2026-03-02', '2026-03-16', '2026-03-03'),
      opened('c', '2026-03-02', '2026-03-16', '2026-03-05'),
      opened('a', '2026-03-02', '2026-03-16', '2026-03-17'),
      opened('a', '2026-03-02', '2026-03-16', '2026-03-05'),
    ]
    const ranked = rankResponseTimes(['a', 'b', 'c', 'd'], cases, today)
    expect(ranked.map((line) => [line.key, line.rank])).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 3],
      ['d', null],
    ])
  })
})
