import { describe, expect, test } from 'vitest'
import { ContactChoiceSchema, recogniseContact, vietnamesePhone } from './contact'

describe('a Vietnamese phone number', () => {
  test.each([
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(024) 3825 1234', '02438251234'],
    ['+84 24 3825 1234', '02438251234'],
    ['0388-123-456', '0388123456'],
  ])('%j is %s', (text, national) => {
    expect(vietnamesePhone(text)).toBe(national)
  })

  test.each(['0123 456 789', '091234567', '09123456789', '0612345678', 'call me', '0912 345 67a', ''])('%j is refused', (text) => {
    expect(vietnamesePhone(text)).toBeNull()
  })
})

describe('a contact detail', () => {
  test('an @ makes it an e-mail address, kept as typed', () => {
    expect(recogniseContact('  Lan.Nguyen@example.vn ')).toEqual({ channel: 'email', value: 'Lan.Nguyen@example.vn' })
    expect(recogniseContact('lan@')).toBeNull()
    expect(recogniseContact(`${'a'.repeat(250)}@example.vn`)).toBeNull()
  })

  test('anything else must be a phone number', () => {
    expect(recogniseContact('0912 345 678')).toEqual({ channel: 'phone', value: '0912345678' })
    expect(recogniseContact('12345')).toBeNull()
  })

  test('the form needs the consent box ticked as well as a valid contact', () => {
    expect(ContactChoiceSchema.safeParse({ intent: 'contact', contact: '0912345678', consent: 'yes' }).data?.contact).toEqual({
      channel: 'phone',
      value: '0912345678',
    })
    const refused = ContactChoiceSchema.safeParse({ intent: 'contact', contact: 'not a phone' })
    expect(refused.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['contact', 'optIn.errors.contact'],
      ['consent', 'optIn.errors.consent'],
    ])
  })
})
