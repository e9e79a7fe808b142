import { expect, test } from 'vitest'
import { type GroupThreshold, groupOf } from './groups'

const PAR_INDEX_2024: GroupThreshold[] = [
  { group: 'A', min: 90 },
  { group: 'B', min: 80 },
  { group: 'C', min: 70 },
  { group: 'D', min: 0 },
]

test.each([
  [96.17, 'A'],
  [90, 'A'],
  [89.999, 'A'],
  [89.995, 'A'],
  [89.994, 'B'],
  [80, 'B'],
  [79.99, 'C'],
  [70, 'C'],
  [0, 'D'],
])('a score of %f falls in group %s (bands apply to the rounded score)', (score, group) => {
  expect(groupOf(score, PAR_INDEX_2024)).toBe(group)
})

test('thresholds may be listed in any order', () => {
  expect(groupOf(85, [...PAR_INDEX_2024].reverse())).toBe('B')
})

test('a score below every band, or missing, has no group', () => {
  expect(groupOf(65, PAR_INDEX_2024.slice(0, 3))).toBeNull()
  expect(groupOf(null, PAR_INDEX_2024)).toBeNull()
  expect(groupOf(95, [])).toBeNull()
})
