import { describe, expect, test } from 'vitest'
import { enrolmentCodeFromHash } from './enrolment-fragment'

describe('the enrolment code in the QR code address', () => {
  test('is read from the fragment', () => {
    expect(enrolmentCodeFromHash('#code=7K2M-9QXZ')).toBe('7K2M-9QXZ')
    expect(enrolmentCodeFromHash('#code=7k2m9qxz&x=1')).toBe('7k2m9qxz')
  })

  test('is absent from an empty or unrelated fragment', () => {
    expect(enrolmentCodeFromHash('')).toBeNull()
    expect(enrolmentCodeFromHash('#')).toBeNull()
    expect(enrolmentCodeFromHash('#other=1')).toBeNull()
    expect(enrolmentCodeFromHash('#code=')).toBeNull()
  })
})
