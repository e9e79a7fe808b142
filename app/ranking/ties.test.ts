import { describe, expect, test } from 'vitest'
import { intervalsOverlap, tieGroups } from './ties'

describe('intervalsOverlap', () => {
  test('overlapping intervals are tied', () => {
    expect(intervalsOverlap({ low: 88, high: 92 }, { low: 91, high: 95 })).toBe(true)
  })

  test('intervals that only touch are tied', () => {
    expect(intervalsOverlap({ low: 88, high: 91 }, { low: 91, high: 95 })).toBe(true)
  })

  test('one interval inside another is tied', () => {
    expect(intervalsOverlap({ low: 80, high: 95 }, { low: 85, high: 86 })).toBe(true)
  })

  test('separate intervals are not tied, in either order', () => {
    expect(intervalsOverlap({ low: 88, high: 90.9 }, { low: 91, high: 95 })).toBe(false)
    expect(intervalsOverlap({ low: 91, high: 95 }, { low: 88, high: 90.9 })).toBe(false)
  })

  test('a missing bound means no tie can be claimed', () => {
    expect(intervalsOverlap({ low: 88, high: 92 }, { low: null, high: 95 })).toBe(false)
    expect(intervalsOverlap({}, { low: 88, high: 92 })).toBe(false)
  })
})

describe('tieGroups', () => {
  test('collects runs of units tied with the unit above', () => {
    const ranked = [
      { key: 'a', tiedWithAbove: false },
      { key: 'b', tiedWithAbove: true },
      { key: 'c', tiedWithAbove: true },
      { key: 'd', tiedWithAbove: false },
      { key: 'e', tiedWithAbove: false },
      { key: 'f', tiedWithAbove: true },
    ]
    expect(tieGroups(ranked)).toEqual([
      ['a', 'b', 'c'],
      ['e', 'f'],
    ])
  })

  test('no ties give no groups', () => {
    expect(
      tieGroups([
        { key: 'a', tiedWithAbove: false },
        { key: 'b', tiedWithAbove: false },
      ]),
    ).toEqual([])
    expect(tieGroups([])).toEqual([])
  })
})
