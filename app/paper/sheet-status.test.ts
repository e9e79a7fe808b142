import { describe, expect, test } from 'vitest'
import { batchTotals, countedCopy, FIRST_PASS, RESOLUTION_PASS, SECOND_PASS } from './sheet-status'

describe('a batch’s totals', () => {
  test('count sheets by their first pass, second passes apart, void sheets keyed but not counted', () => {
    expect(
      batchTotals([
        { pass: FIRST_PASS, status: 'counted', count: 5 },
        { pass: FIRST_PASS, status: 'mismatch', count: 2 },
        { pass: FIRST_PASS, status: 'keyed', count: 3 },
        { pass: FIRST_PASS, status: 'agreed', count: 1 },
        { pass: FIRST_PASS, status: 'void', count: 2 },
        { pass: SECOND_PASS, status: 'counted', count: 4 },
        { pass: SECOND_PASS, status: 'mismatch', count: 2 },
        { pass: RESOLUTION_PASS, status: 'counted', count: 1 },
      ])
    ).toEqual({ keyed: 13, keyedSecond: 6, counted: 5, void: 2, mismatches: 2, waiting: 1 })
  })

  test('are zero for an empty batch', () => {
    expect(batchTotals([])).toEqual({ keyed: 0, keyedSecond: 0, counted: 0, void: 0, mismatches: 0, waiting: 0 })
  })
})

describe('the copy that counts', () => {
  test('is the supervisor’s when the passes disagreed, else the first pass', () => {
    const first = { id: 'a', pass: FIRST_PASS }
    const second = { id: 'b', pass: SECOND_PASS }
    const resolved = { id: 'c', pass: RESOLUTION_PASS }
    expect(countedCopy([second, first])).toBe(first)
    expect(countedCopy([first, second, resolved])).toBe(resolved)
    expect(countedCopy([second])).toBeUndefined()
  })
})
