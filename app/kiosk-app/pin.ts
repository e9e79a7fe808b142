import type { PinVerifier } from './kiosk-config'

/*
 * The administrator PIN that lets staff leave the kiosk flow, checked on the device against the
 * PBKDF2-SHA-256 verifier the enrolment brought (docs/decisions/019-kiosk.md), so it works with
 * no network. Wrong PINs lock the settings for longer and longer; the lockout is kept in
 * IndexedDB, so reloading the page does not reset it.
 */

/** Wrong PINs allowed before the first lockout. */
export const PIN_FREE_ATTEMPTS = 3
/** The first lockout; each further wrong PIN doubles it, up to the maximum. */
export const PIN_LOCKOUT_BASE_MS = 30_000
export const PIN_LOCKOUT_MAX_MS = 30 * 60_000

export type PinLockout = { failures: number; lockedUntil: number }

/** The lockout after one more wrong PIN. */
export function lockoutAfterFailure(previous: PinLockout | undefined, now: number): PinLockout {
  const failures = (previous?.failures ?? 0) + 1
  const beyond = failures - PIN_FREE_ATTEMPTS
  if (beyond < 0) return { failures, lockedUntil: 0 }
  return { failures, lockedUntil: now + Math.min(PIN_LOCKOUT_MAX_MS, PIN_LOCKOUT_BASE_MS * 2 ** beyond) }
}

/** How long the PIN pad stays locked, in milliseconds (0: not locked). */
export function lockedForMs(lockout: PinLockout | undefined, now: number): number {
  return Math.max(0, (lockout?.lockedUntil ?? 0) - now)
}

/** Whether `pin` matches the verifier (WebCrypto; no network). */
export async function verifyPin(pin: string, verifier: PinVerifier): Promise<boolean> {
  const expected = decodeBase64(verifier.hash)
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  const derived = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: decodeBase64(verifier.salt), iterations: verifier.iterations },
      key,
      expected.length * 8,
    ),
  )
  // Compared in full whatever differs first.
  let difference = derived.length ^ expected.length
  for (let i = 0; i < expected.length; i++) difference |= (derived[i] ?? 0) ^ expected[i]!
  return difference === 0
}

/** Standard or URL-safe base64, padded or not. */
function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}
