import { expect, test } from 'vitest'
import type { ItemFigure } from '~/aggregation/unit-figures'
import type { Driver, ElementDrivers } from './drivers'
import { importancePerformance } from './importance-performance'

const driver = (itemCode: string, importance: number): Driver => ({
  itemCode,
  elementCode: 'e',
  estimate: importance,
  low: null,
  high: null,
  importance,
  importanceLow: null,
  importanceHigh: null,
})
const rate = (value: number | null): ItemFigure => ({ rate: value, low: null, high: null, n: 100, nEffective: 100, positive: 0, suppressed: false })

test('criteria above the mean importance and below the mean performance are the ones to fix first, listed first', () => {
  const drivers: ElementDrivers[] = [
    { elementCode: 'e', generalItem: 'g', method: 'regression', n: 200, fallback: null, drivers: [driver('a', 0.5), driver('b', 0.4), driver('c', 0.1), driver('d', 0.05), driver('x', 0.3)] },
  ]
  const chart = importancePerformance(drivers, { a: rate(60), b: rate(90), c: rate(55), d: rate(95), x: rate(null) })
  expect(chart.importanceCut).toBeCloseTo(0.2625, 12)
  expect(chart.performanceCut).toBeCloseTo(75, 12)
  expect(chart.points.map((point) => [point.itemCode, point.quadrant])).toEqual([
    ['a', 'fixFirst'],
    ['b', 'keepUp'],
    ['c', 'lowPriority'],
    ['d', 'possibleOverkill'],
  ])
})

test('without drivers there is nothing to plot', () => {
  expect(importancePerformance([], {})).toEqual({ points: [], importanceCut: null, performanceCut: null })
})
