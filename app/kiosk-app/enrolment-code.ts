/*
 * The one-time enrolment code an administrator reads off /admin/kiosks (docs/decisions/019-kiosk.md):
 * 8 characters of Crockford base-32, shown as ABCD-EFGH, typed on the kiosk or carried by the
 * QR code in the address's fragment (`/kiosk#code=ABCD-EFGH`), which never reaches a server log.
 */

/** Crockford's base-32 alphabet: no I, L, O or U, which read like 1, 1, 0 and V. */
const CROCKFORD_BASE32 = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/
export const ENROLMENT_CODE_LENGTH = 8

/** The code as the server compares it: upper case, without spaces or dashes. */
export function normaliseEnrolmentCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase()
}

/** Whether the typed code can be a code at all (the server says whether it is one). */
export function isEnrolmentCode(input: string): boolean {
  return CROCKFORD_BASE32.test(normaliseEnrolmentCode(input))
}

/** ABCD-EFGH, as the administrator's page shows it; partial input is grouped the same way. */
export function formatEnrolmentCode(input: string): string {
  const code = normaliseEnrolmentCode(input).slice(0, ENROLMENT_CODE_LENGTH)
  return code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code
}

/** The code in an address fragment such as `#code=ABCD-EFGH`, or null. */
export function enrolmentCodeFromHash(hash: string): string | null {
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code')
  return code ? formatEnrolmentCode(code) : null
}
