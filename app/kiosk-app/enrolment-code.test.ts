import { describe, expect, test } from 'vitest'
import { enrolmentCodeFromHash, formatEnrolmentCode, isEnrolmentCode, normaliseEnrolmentCode } from './enrolment-code'

describe('enrolment codes', () => {
  test('case, spaces and dashes are ignored, as the server ignores them', () => {
    expect(normaliseEnrolmentCode(' abcd-efgh ')).toBe('ABCDEFGH')
    expect(normaliseEnrolmentCode('ab cd ef gh')).toBe('ABCDEFGH')
  })

  test('a code is 8 characters of Crockford base-32, without I, L, O or U', () => {
    expect(isEnrolmentCode('7K2M-9QXZ')).toBe(true)
    expect(isEnrolmentCode('7k2m9qxz')).toBe(true)
    expect(isEnrolmentCode('7K2M-9QX')).toBe(false)
    expect(isEnrolmentCode('7K2M-9QXZ1')).toBe(false)
    for (const letter of ['I', 'L', 'O', 'U']) expect(isEnrolmentCode(`7K2M-9QX${letter}`), letter).toBe(false)
  })

  test('is shown grouped as on the administrator page, while it is typed too', () => {
    expect(formatEnrolmentCode('7k2m9qxz')).toBe('7K2M-9QXZ')
    expect(formatEnrolmentCode('7k2')).toBe('7K2')
    expect(formatEnrolmentCode('7k2m9')).toBe('7K2M-9')
    expect(formatEnrolmentCode('7K2M-9QXZ-EXTRA')).toBe('7K2M-9QXZ')
  })

  test('is read from the QR code address fragment', () => {
    expect(enrolmentCodeFromHash('#code=7K2M-9QXZ')).toBe('7K2M-9QXZ')
    expect(enrolmentCodeFromHash('#code=7k2m9qxz&x=1')).toBe('7K2M-9QXZ')
    expect(enrolmentCodeFromHash('')).toBeNull()
    expect(enrolmentCodeFromHash('#other=1')).toBeNull()
  })
})
