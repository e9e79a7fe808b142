/*
 * One-time enrolment codes (docs/decisions/019-kiosk.md): 8 characters of Crockford base-32,
 * shown as ABCD-EFGH. The alphabet has no I, L, O or U, so a code read off a screen and typed on
 * a tablet survives the usual misreadings: those letters decode as 1, 1, 0 and are refused.
 */
export const ENROLMENT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const ENROLMENT_CODE_LENGTH = 8
/** How long an issued code can be used. */
export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60 * 1000

/** A code from `ENROLMENT_CODE_LENGTH` random bytes (each byte's low five bits pick a character). */
export function enrolmentCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < ENROLMENT_CODE_LENGTH) throw new Error('enrolmentCodeFromBytes: too few bytes')
  let code = ''
  for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++) code += ENROLMENT_CODE_ALPHABET[bytes[i]! & 31]
  return code
}

/** ABCDEFGH → ABCD-EFGH, for people. */
export function formatEnrolmentCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/**
 * The code someone typed, in canonical form, or null when it cannot be one: case, spaces and
 * dashes are ignored; O reads as 0, I and L as 1 (Crockford's decoding).
 */
export function normalizeEnrolmentCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (code.length !== ENROLMENT_CODE_LENGTH) return null
  for (const char of code) if (!ENROLMENT_CODE_ALPHABET.includes(char)) return null
  return code
}
