import { describe, expect, test } from 'vitest'
import { attributeUnit, storedIdsFor, successorsAsOf } from './attribution'

const MERGER = '2025-07-01'
const lineage = [
  { predecessorId: 'hai-duong', successorId: 'hai-phong-34', effectiveOn: MERGER },
  { predecessorId: 'hai-phong-63', successorId: 'hai-phong-34', effectiveOn: MERGER },
  // a unit that continues under its own key is linked to itself
  { predecessorId: 'ha-noi', successorId: 'ha-noi', effectiveOn: MERGER },
]

describe('successorsAsOf', () => {
  test('before the merger every unit is itself', () => {
    expect(successorsAsOf(lineage, '2025-06-30').size).toBe(0)
  })

  test('from the merger day, predecessors count for their successor; unchanged units for themselves', () => {
    const successors = successorsAsOf(lineage, MERGER)
    expect(attributeUnit(successors, 'hai-duong')).toBe('hai-phong-34')
    expect(attributeUnit(successors, 'hai-phong-63')).toBe('hai-phong-34')
    expect(attributeUnit(successors, 'ha-noi')).toBe('ha-noi')
    expect(attributeUnit(successors, 'unknown')).toBe('unknown')
  })

  test('follows a chain of reorganisations in force on the date', () => {
    const chain = [...lineage, { predecessorId: 'hai-phong-34', successorId: 'greater-hai-phong', effectiveOn: '2030-01-01' }]
    expect(attributeUnit(successorsAsOf(chain, '2029-12-31'), 'hai-duong')).toBe('hai-phong-34')
    expect(attributeUnit(successorsAsOf(chain, '2030-01-01'), 'hai-duong')).toBe('greater-hai-phong')
  })

  test('a split cannot be attributed by counts', () => {
    const split = [...lineage, { predecessorId: 'hai-duong', successorId: 'hung-yen', effectiveOn: MERGER }]
    expect(() => successorsAsOf(split, MERGER)).toThrow(/split/)
  })

  test('a loop in the lineage is refused', () => {
    const loop = [
      { predecessorId: 'a', successorId: 'b', effectiveOn: MERGER },
      { predecessorId: 'b', successorId: 'a', effectiveOn: MERGER },
    ]
    expect(() => successorsAsOf(loop, MERGER)).toThrow(/loop/)
  })
})

test('storedIdsFor gives a unit and every predecessor that counts for it', () => {
  const successors = successorsAsOf(lineage, MERGER)
  expect(storedIdsFor(successors, ['hai-phong-34']).sort()).toEqual(['hai-duong', 'hai-phong-34', 'hai-phong-63'])
  expect(storedIdsFor(successors, ['ha-noi'])).toEqual(['ha-noi'])
})
