import { describe, expect, test } from 'vitest'
import { hashPassword, verifyPassword } from './password.server'

describe('password hashing', () => {
  test('a hash is argon2id, salted, and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery')
    const second = await hashPassword('correct horse battery')
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(first).not.toBe(second)
    expect(await verifyPassword(first, 'correct horse battery')).toBe(true)
    expect(await verifyPassword(first, 'correct horse batterY')).toBe(false)
  })

  test('a malformed stored hash never verifies', async () => {
    expect(await verifyPassword('', 'anything')).toBe(false)
    expect(await verifyPassword('plain-text-password', 'plain-text-password')).toBe(false)
  })
})
