import { expect, test } from 'vitest'
import { histogramBins, linearScale, paddedPercentDomain, ticks, truncate } from './scale'

test('a linear scale maps and clamps', () => {
  const x = linearScale(0, 100, 200, 600)
  expect(x(0)).toBe(200)
  expect(x(50)).toBe(400)
  expect(x(100)).toBe(600)
  expect(x(120)).toBe(600)
  expect(x(-5)).toBe(200)
})

test('ticks include both ends without floating-point drift', () => {
  expect(ticks(0, 100, 20)).toEqual([0, 20, 40, 60, 80, 100])
  expect(ticks(0, 1, 0.1)).toHaveLength(11)
})

test('a percent domain is padded to steps of 5, at least 10 tall, within 0..100', () => {
  expect(paddedPercentDomain([83.9, 91.1])).toEqual({ min: 80, max: 95 })
  expect(paddedPercentDomain([99.5])).toEqual({ min: 90, max: 100 })
  expect(paddedPercentDomain([1])).toEqual({ min: 0, max: 10 })
  expect(paddedPercentDomain([])).toEqual({ min: 0, max: 100 })
})

test('long labels are cut with an ellipsis', () => {
  expect(truncate('Hải Phòng', 20)).toBe('Hải Phòng')
  expect(truncate('Trung tâm Phục vụ hành chính công', 12)).toBe('Trung tâm P…')
})

test('histogram bins count each value once; the top value falls in the last bin', () => {
  const bins = histogramBins([70, 74.9, 75, 80, 100, 101], 70, 100, 5)
  expect(bins.map((bin) => [bin.from, bin.count])).toEqual([
    [70, 2],
    [75, 1],
    [80, 1],
    [85, 0],
    [90, 0],
    [95, 1],
  ])
})
