import { expect, test } from 'vitest'
import { pointsFromSipas } from './points'

test("points are the SIPAS share of the criterion's maximum", () => {
  expect(pointsFromSipas(83.94, 10)).toBeCloseTo(8.394, 12)
  expect(pointsFromSipas(91.1, 2.5)).toBeCloseTo(2.2775, 12)
})

test('the extremes give no points and full points', () => {
  expect(pointsFromSipas(0, 10)).toBe(0)
  expect(pointsFromSipas(100, 10)).toBe(10)
})

test('a value outside 0..100 is rejected', () => {
  expect(() => pointsFromSipas(8394, 10)).toThrow(RangeError)
  expect(() => pointsFromSipas(-1, 10)).toThrow(RangeError)
})
