/** Pure geometry shared by the SVG charts (no DOM, so it renders the same on server and client). */

/** Maps a value in [domainMin, domainMax] to a position in [rangeMin, rangeMax], clamped. */
export function linearScale(domainMin: number, domainMax: number, rangeMin: number, rangeMax: number) {
  const span = domainMax - domainMin || 1
  return (value: number) => {
    const clamped = Math.min(domainMax, Math.max(domainMin, value))
    return rangeMin + ((clamped - domainMin) / span) * (rangeMax - rangeMin)
  }
}

/** Evenly spaced tick values from min to max inclusive, `step` apart. */
export function ticks(min: number, max: number, step: number): number[] {
  const values: number[] = []
  for (let value = min; value <= max + step / 1e6; value += step) values.push(Number(value.toFixed(6)))
  return values
}

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
 * one closed so a 100 % lands in it).
 */
export function histogramBins(values: readonly number[], start: number, end: number, width: number) {
  const bins: { from: number; to: number; count: number }[] = []
  for (let from = start; from < end - width / 1e6; from += width) {
    bins.push({ from: Number(from.toFixed(6)), to: Number(Math.min(end, from + width).toFixed(6)), count: 0 })
  }
  for (const value of values) {
    if (value < start || value > end) continue
    const index = Math.min(bins.length - 1, Math.floor((value - start) / width))
    const bin = bins[index]
    if (bin) bin.count += 1
  }
  return bins
}
