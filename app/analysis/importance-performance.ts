import type { ItemFigure } from '~/aggregation/unit-figures'
import type { ElementDrivers } from './drivers'

/*
 * The importance × performance chart's points (docs/methodology.md, "Analysis for improvement
 * plans"): each criterion with a driver estimate, its importance for the index (drivers.ts) and
 * its performance, the criterion's rate as the figures publish it. The quadrants are cut at the
 * mean importance and the mean performance of the points shown, the usual importance-performance
 * analysis: above-average importance with below-average performance is where to act first.
 */

const QUADRANTS = ['fixFirst', 'keepUp', 'lowPriority', 'possibleOverkill'] as const
export type Quadrant = (typeof QUADRANTS)[number]

export type PerformancePoint = {
  itemCode: string
  elementCode: string
  importance: number
  performance: number
  quadrant: Quadrant
}

export function importancePerformance(
  drivers: readonly ElementDrivers[],
  rates: Readonly<Record<string, ItemFigure>>,
): { points: PerformancePoint[]; importanceCut: number | null; performanceCut: number | null } {
  const present = drivers.flatMap((element) =>
    element.drivers.flatMap((driver) => {
      const rate = rates[driver.itemCode]?.rate
      return rate == null ? [] : [{ itemCode: driver.itemCode, elementCode: driver.elementCode, importance: driver.importance, performance: rate }]
    }),
  )
  if (present.length === 0) return { points: [], importanceCut: null, performanceCut: null }
  const importanceCut = mean(present.map((point) => point.importance))
  const performanceCut = mean(present.map((point) => point.performance))
  const points = present.map((point) => ({ ...point, quadrant: quadrantOf(point, importanceCut, performanceCut) }))
  points.sort((a, b) => QUADRANTS.indexOf(a.quadrant) - QUADRANTS.indexOf(b.quadrant) || b.importance - a.importance)
  return { points, importanceCut, performanceCut }
}

function quadrantOf(point: { importance: number; performance: number }, importanceCut: number, performanceCut: number): Quadrant {
  const important = point.importance >= importanceCut
  const performing = point.performance >= performanceCut
  if (important) return performing ? 'keepUp' : 'fixFirst'
  return performing ? 'possibleOverkill' : 'lowPriority'
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}
