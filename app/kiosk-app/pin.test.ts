import { pbkdf2Sync, randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import type { PinVerifier } from './kiosk-config'
import { lockedForMs, lockoutAfterFailure, PIN_FREE_ATTEMPTS, PIN_LOCKOUT_BASE_MS, PIN_LOCKOUT_MAX_MS, verifyPin } from './pin'

/** A verifier made the way the server makes it at enrolment (docs/decisions/019-kiosk.md). */
function verifierFor(pin: string, iterations = 1_000): PinVerifier {
  const salt = randomBytes(16)
  const hash = pbkdf2Sync(pin, salt, iterations, 32, 'sha256')
  return { salt: salt.toString('base64'), iterations, hash: hash.toString('base64') }
}

describe('the administrator PIN', () => {
  test('the right PIN matches the enrolment verifier, a wrong one does not', async () => {
    const verifier = verifierFor('482916')
    expect(await verifyPin('482916', verifier)).toBe(true)
    expect(await verifyPin('482917', verifier)).toBe(false)
    expect(await verifyPin('', verifier)).toBe(false)
  })

  test('the verifier may come in URL-safe base64 without padding', async () => {
    const verifier = verifierFor('1234')
    const urlSafe = (text: string) => text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
    expect(await verifyPin('1234', { ...verifier, salt: urlSafe(verifier.salt), hash: urlSafe(verifier.hash) })).toBe(true)
  })

  test('wrong PINs lock the pad for longer and longer, up to a ceiling', () => {
    const now = 1_000_000
    let lockout = undefined
    for (let i = 1; i < PIN_FREE_ATTEMPTS; i++) {
      lockout = lockoutAfterFailure(lockout, now)
      expect(lockedForMs(lockout, now)).toBe(0)
    }
    const waits: number[] = []
    for (let i = 0; i < 12; i++) {
      lockout = lockoutAfterFailure(lockout, now)
      waits.push(lockedForMs(lockout, now))
    }
    expect(waits.slice(0, 3)).toEqual([PIN_LOCKOUT_BASE_MS, 2 * PIN_LOCKOUT_BASE_MS, 4 * PIN_LOCKOUT_BASE_MS])
    expect(waits.at(-1)).toBe(PIN_LOCKOUT_MAX_MS)
    expect(waits).toEqual([...waits].sort((a, b) => a - b))
    expect(lockedForMs(lockout, now + PIN_LOCKOUT_MAX_MS)).toBe(0)
  })
})
