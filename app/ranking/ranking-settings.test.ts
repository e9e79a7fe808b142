import { expect, test } from 'vitest'
import { formatGroupsText, parseGroupsText } from './ranking-settings'

test('bands typed on the admin form are read highest first', () => {
  expect(parseGroupsText('D:0, A:90, B: 80, C=70')).toEqual([
    { group: 'A', min: 90 },
    { group: 'B', min: 80 },
    { group: 'C', min: 70 },
    { group: 'D', min: 0 },
  ])
})

test('a decimal comma is accepted in a cut-off', () => {
  expect(parseGroupsText('A:87,5; B:0')).toEqual([
    { group: 'A', min: 87.5 },
    { group: 'B', min: 0 },
  ])
})

test('an empty text means no bands', () => {
  expect(parseGroupsText('  ')).toEqual([])
})

test('malformed, out-of-range or repeated bands are refused', () => {
  expect(parseGroupsText('A 90')).toBeNull()
  expect(parseGroupsText('A:190')).toBeNull()
  expect(parseGroupsText('A:90, A:80')).toBeNull()
  expect(parseGroupsText('A:90, B:90')).toBeNull()
})

test('formatting and parsing round-trip', () => {
  const bands = [
    { group: 'A', min: 90 },
    { group: 'B', min: 80 },
  ]
  expect(parseGroupsText(formatGroupsText(bands))).toEqual(bands)
})
