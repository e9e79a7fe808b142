import { expect, test } from 'vitest'
import { secondsLeft } from './progress'

const startedAt = '2026-01-01T00:00:00.000Z'

test('the time left is the rows left at the rate so far', () => {
  // 1,000 rows in 10 s: 100 rows a second, 4,000 rows left.
  expect(secondsLeft({ rowsDone: 1_000, rowsExpected: 5_000, startedAt }, '2026-01-01T00:00:10.000Z')).toBe(40)
})

test('there is no estimate before the first rows, without an expected count, or before the start', () => {
  expect(secondsLeft({ rowsDone: 0, rowsExpected: 5_000, startedAt }, '2026-01-01T00:00:10.000Z')).toBeNull()
  expect(secondsLeft({ rowsDone: 10, rowsExpected: null, startedAt }, '2026-01-01T00:00:10.000Z')).toBeNull()
  expect(secondsLeft({ rowsDone: 10, rowsExpected: 50, startedAt: null }, '2026-01-01T00:00:10.000Z')).toBeNull()
})

test('a job past its expected count has nothing left', () => {
  expect(secondsLeft({ rowsDone: 6_000, rowsExpected: 5_000, startedAt }, '2026-01-01T00:00:10.000Z')).toBe(0)
})
