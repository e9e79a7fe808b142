import { expect, test } from 'vitest'
import { roundScore } from './round'

// A decimal half (89.995, 1.005…) rounds up as it is printed, despite its binary representation.
test.each([
  [90.234, 90.23],
  [90.231, 90.23],
  [89.999, 90],
  [89.994, 89.99],
  [91.1, 91.1],
  [0, 0],
  [100, 100],
  [89.995, 90],
  [1.005, 1.01],
  [83.965, 83.97],
  [0.125, 0.13],
])('%f rounds to %f', (score, rounded) => {
  expect(roundScore(score)).toBe(rounded)
})

test('rounding agrees with how Intl prints the same score', () => {
  const print = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  for (const score of [89.995, 1.005, 83.965, 90.234, 12.345, 56.785, 99.995]) {
    expect(roundScore(score).toFixed(2)).toBe(print.format(score))
  }
})
