import { expect, test } from 'vitest'
import { QUALITY_FLAGS, RESPONSE_MARKS } from '~/quality/flags'
import { countsOnBasis, isVerified, parseResponseBasis, verifiedShare } from './response-basis'

test('every response counts on the "all" basis, only those with the verified bit on the "verified" one', () => {
  const verifiedAndFlagged = RESPONSE_MARKS.VERIFIED | QUALITY_FLAGS.TOO_FAST
  expect([0, QUALITY_FLAGS.BURST, RESPONSE_MARKS.VERIFIED].map((flags) => countsOnBasis(flags, 'all'))).toEqual([true, true, true])
  expect([0, QUALITY_FLAGS.BURST, RESPONSE_MARKS.VERIFIED, verifiedAndFlagged].map((flags) => countsOnBasis(flags, 'verified'))).toEqual([
    false,
    false,
    true,
    true,
  ])
})

test('no quality flag reads as verified', () => {
  for (const bit of Object.values(QUALITY_FLAGS)) expect(isVerified(bit)).toBe(false)
})

test('a basis is parsed from its name only', () => {
  expect(parseResponseBasis('verified')).toBe('verified')
  expect(parseResponseBasis('all')).toBe('all')
  expect(parseResponseBasis('VERIFIED')).toBeNull()
  expect(parseResponseBasis(undefined)).toBeNull()
})

test('the verified share is a percentage of n, and undefined for an empty unit', () => {
  expect(verifiedShare(156, 412)).toBeCloseTo(37.864, 3)
  expect(verifiedShare(0, 5)).toBe(0)
  expect(verifiedShare(5, 5)).toBe(100)
  expect(verifiedShare(0, 0)).toBeNull()
  expect(() => verifiedShare(6, 5)).toThrow()
})
