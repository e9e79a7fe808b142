import { describe, expect, test } from 'vitest'
import { endOfVietnamDay, newApiTokenSchema } from './token-form'

// 2026-03-10 20:00 in Vietnam.
const now = new Date('2026-03-10T13:00:00Z')
const parse = (expiresOn: string, name = 'Cổng dữ liệu tỉnh') => newApiTokenSchema(now).safeParse({ name, scope: 'national', expiresOn })

describe('the new-token form', () => {
  test('takes an expiry from tomorrow to a year ahead', () => {
    expect(parse('2026-03-11').success).toBe(true)
    expect(parse('2027-03-11').success).toBe(true)
  })

  test.each(['2026-03-10', '2026-03-01', '2027-03-12', '2026-02-30', '11/03/2026', ''])('refuses the expiry %j', (day) => {
    const result = parse(day)
    expect(result.error?.issues[0]?.message).toBe('tokens.errors.expiresOn')
  })

  test('refuses an empty or overlong name', () => {
    expect(parse('2026-04-01', '  ').error?.issues[0]?.message).toBe('tokens.errors.name')
    expect(parse('2026-04-01', 'x'.repeat(101)).error?.issues[0]?.message).toBe('tokens.errors.name')
  })

  test('a token expires at the end of its day, Vietnamese time', () => {
    expect(endOfVietnamDay('2026-03-11').toISOString()).toBe('2026-03-11T17:00:00.000Z')
  })
})
