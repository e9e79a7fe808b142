import { expect, test } from 'vitest'
import { histogramBins, paddedPercentDomain, truncate } from './scale'

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

test('histogram bins of 2.5 from an odd start end at 100', () => {
  const bins = histogramBins([92.5, 94, 99.9, 100], 92.5, 100, 2.5)
  expect(bins).toEqual([
    { from: 92.5, to: 95, count: 2 },
    { from: 95, to: 97.5, count: 0 },
    { from: 97.5, to: 100, count: 2 },
  ])
})
