import { describe, expect, test } from 'vitest'
import { ENROLMENT_CODE_ALPHABET, enrolmentCodeFromBytes, formatEnrolmentCode, normalizeEnrolmentCode } from './enrolment-code'

describe('enrolment codes', () => {
  test('a code has eight characters of the Crockford alphabet, one per byte', () => {
    const code = enrolmentCodeFromBytes(Uint8Array.from([0, 1, 31, 32, 255, 10, 17, 200]))
    expect(code).toBe('01Z0ZAH8')
    expect([...code].every((char) => ENROLMENT_CODE_ALPHABET.includes(char))).toBe(true)
  })

  test('codes are shown in two groups of four', () => {
    expect(formatEnrolmentCode('ABCD1234')).toBe('ABCD-1234')
  })

  test('typing ignores case, spaces and dashes, and reads O as 0 and I or L as 1', () => {
    expect(normalizeEnrolmentCode('abcd-1234')).toBe('ABCD1234')
    expect(normalizeEnrolmentCode(' abcd 1234 ')).toBe('ABCD1234')
    expect(normalizeEnrolmentCode('OIL0-2345')).toBe('0110' + '2345')
  })

  test('anything that cannot be a code is refused', () => {
    expect(normalizeEnrolmentCode('ABCD-123')).toBeNull()
    expect(normalizeEnrolmentCode('ABCD-12345')).toBeNull()
    expect(normalizeEnrolmentCode('ABCU-1234')).toBeNull()
    expect(normalizeEnrolmentCode('ABC!-1234')).toBeNull()
    expect(normalizeEnrolmentCode('')).toBeNull()
  })
})
