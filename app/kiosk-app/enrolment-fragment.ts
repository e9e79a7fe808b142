/**
 * The enrolment code a QR code carries in the address's fragment (`/kiosk#code=ABCD-EFGH`):
 * browsers never send a fragment to a server, so the code reaches no log (docs/decisions/019-kiosk.md).
 */
export function enrolmentCodeFromHash(hash: string): string | null {
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code')?.trim()
  return code ? code : null
}
