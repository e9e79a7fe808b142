/*
 * A receipt code as a citizen types it back on the "your feedback" page: any case, spaces or no
 * dashes, and the letters Crockford base32 leaves out read as the digits they look like (O → 0,
 * I and L → 1), since receipts never contain them (app/responses/submit.server.ts).
 */

const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/

/** The receipt in its printed form (K7Q2-M9XD-3FHA), or null when it cannot be one. */
export function normaliseReceipt(text: string): string | null {
  const plain = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (plain.length !== 12) return null
  const receipt = `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`
  return RECEIPT.test(receipt) ? receipt : null
}
