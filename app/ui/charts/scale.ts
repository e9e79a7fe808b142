/**
 * Pure figures shared by the SVG charts (no DOM, so they render the same on server and client);
 * the scales and ticks themselves come from d3-scale in each chart.
 */
import { bin, range } from 'd3-array'

/**
 * A y range for a line chart of percentages: the data's extent padded to whole steps of 5 and
 * kept within 0..100, at least 10 points tall so small wiggles don't look like cliffs.
 */
export function paddedPercentDomain(values: readonly number[]): { min: number; max: number } {
  if (values.length === 0) return { min: 0, max: 100 }
  let min = Math.max(0, Math.floor((Math.min(...values) - 2) / 5) * 5)
  let max = Math.min(100, Math.ceil((Math.max(...values) + 2) / 5) * 5)
  while (max - min < 10) {
    if (min > 0) min -= 5
    else max = Math.min(100, max + 5)
    if (min === 0 && max === 100) break
  }
  return { min, max }
}

/** Shortens a label to `max` characters with an ellipsis; SVG text cannot wrap. */
export function truncate(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`
}

/**
 * Counts values into bins of `width` starting at `start` (each bin [from, from + width), the last
 * one closed so a 100 % lands in it); values outside start..end are left out.
 */
export function histogramBins(values: readonly number[], start: number, end: number, width: number) {
  const bins = bin()
    .domain([start, end])
    .thresholds(range(start + width, end, width))(values)
  return bins.map((members) => ({ from: members.x0!, to: members.x1!, count: members.length }))
}
