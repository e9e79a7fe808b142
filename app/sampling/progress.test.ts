import { describe, expect, test } from 'vitest'
import { campaignClock, campaignProgress, chartDayIndices, type PlannedServicePoint, projectedCount, progressStatus } from './progress'

const agencyA = { id: 'ag-a', name: 'Agency A' }
const agencyB = { id: 'ag-b', name: 'Agency B' }
const province = { id: 'p1', name: 'Province 1' }
const point = (id: string, agency: typeof agencyA, populationN: number | null): PlannedServicePoint => ({
  id,
  code: id.toUpperCase(),
  name: `Point ${id}`,
  agency,
  province,
  plan: populationN === null ? null : { populationN, marginOfError: 0.05, confidence: 0.95 },
})

describe('the campaign clock and the projection', () => {
  test('counts today as a day gone by, and stops at the campaign’s ends', () => {
    expect(campaignClock({ startsOn: '2026-11-01', endsOn: '2026-11-30', today: '2026-11-10' })).toEqual({ totalDays: 30, elapsedDays: 10, daysLeft: 20 })
    expect(campaignClock({ startsOn: '2026-11-01', endsOn: '2026-11-30', today: '2026-10-20' })).toEqual({ totalDays: 30, elapsedDays: 0, daysLeft: 30 })
    expect(campaignClock({ startsOn: '2026-11-01', endsOn: '2026-11-30', today: '2027-01-01' })).toEqual({ totalDays: 30, elapsedDays: 30, daysLeft: 0 })
  })

  test('projects the daily rate so far over the days left', () => {
    // 100 in 10 days is 10 a day; 20 days left → 300.
    expect(projectedCount(100, 10, 20)).toBe(300)
    expect(projectedCount(0, 0, 30)).toBe(0)
    expect(projectedCount(80, 30, 0)).toBe(80)
  })

  test('a unit is at risk when its projection falls short of its target', () => {
    expect(progressStatus(334, 100, 300, 10)).toBe('atRisk')
    expect(progressStatus(300, 100, 300, 10)).toBe('onTrack')
    expect(progressStatus(100, 100, 300, 10)).toBe('met')
    expect(progressStatus(100, 0, 0, 0)).toBe('notStarted')
    expect(progressStatus(null, 5, 15, 10)).toBe('noPlan')
  })
})

describe('campaign progress', () => {
  const days = { startsOn: '2026-11-01', endsOn: '2026-11-30', today: '2026-11-10' }
  // Targets: N = 2,000 → 334; N = 10,000 → 385; no plan for c.
  const points = [point('a', agencyA, 2000), point('b', agencyA, 10000), point('c', agencyB, null)]
  const counts = [
    { servicePointId: 'a', channel: 'kiosk' as const, day: '2026-11-01', n: 60 },
    { servicePointId: 'a', channel: 'phone' as const, day: '2026-11-05', n: 60 },
    { servicePointId: 'b', channel: 'paper' as const, day: '2026-11-02', n: 100 },
    { servicePointId: 'b', channel: 'web' as const, day: '2026-11-10', n: 40 },
    { servicePointId: 'c', channel: 'kiosk' as const, day: '2026-11-03', n: 7 },
    // Outside the campaign: not counted.
    { servicePointId: 'a', channel: 'kiosk' as const, day: '2026-10-31', n: 500 },
  ]
  const progress = campaignProgress(days, points, counts)

  test('each service point: target, collected by channel, projection and status', () => {
    const [a, b, c] = progress.servicePoints
    expect(a).toMatchObject({ target: 334, collected: 120, byChannel: { kiosk: 60, phone: 60, paper: 0, web: 0 }, projected: 360, status: 'onTrack' })
    expect(b).toMatchObject({ target: 385, collected: 140, projected: 420, status: 'onTrack' })
    expect(c).toMatchObject({ target: null, collected: 7, status: 'noPlan' })
  })

  test('an agency’s target is the sum of its service points’ targets; the province sums every agency', () => {
    const [agencyRowA, agencyRowB] = progress.agencies
    expect(agencyRowA).toMatchObject({ target: 719, collected: 260, planned: 2, atRisk: 0, projected: 780, status: 'onTrack' })
    expect(agencyRowB).toMatchObject({ target: null, collected: 7, planned: 0, status: 'noPlan' })
    expect(progress.provinces).toHaveLength(1)
    expect(progress.provinces[0]).toMatchObject({ target: 719, collected: 267, byChannel: { kiosk: 67, phone: 60, paper: 100, web: 40 } })
    expect(progress.total).toMatchObject({ target: 719, collected: 267, planned: 2 })
  })

  test('flags a unit heading below its target', () => {
    const slow = campaignProgress(days, [point('a', agencyA, 2000)], [{ servicePointId: 'a', channel: 'kiosk', day: '2026-11-02', n: 50 }])
    // 50 in 10 days → 150 by the end, short of 334.
    expect(slow.servicePoints[0]).toMatchObject({ projected: 150, status: 'atRisk', atRisk: 1 })
    expect(slow.agencies[0]).toMatchObject({ status: 'atRisk', atRisk: 1 })
  })

  test('the cumulative series runs over every campaign day and stops today', () => {
    expect(progress.cumulative).toHaveLength(30)
    expect(progress.cumulative[0]).toEqual({ day: '2026-11-01', collected: 60 })
    expect(progress.cumulative[4]).toEqual({ day: '2026-11-05', collected: 227 })
    expect(progress.cumulative[9]).toEqual({ day: '2026-11-10', collected: 267 })
    expect(progress.cumulative[10]).toEqual({ day: '2026-11-11', collected: null })
  })
})

describe('the days a chart shows', () => {
  test('every day of a short campaign, about sixty of a long one, with today and the last day', () => {
    expect(chartDayIndices(30, 10)).toEqual(Array.from({ length: 30 }, (_, i) => i))
    const year = chartDayIndices(365, 341)
    expect(year.length).toBeLessThanOrEqual(62)
    expect(year).toContain(340)
    expect(year.at(-1)).toBe(364)
    expect(year[1]! - year[0]!).toBe(7)
  })
})
