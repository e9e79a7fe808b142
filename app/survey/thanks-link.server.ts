import { createHmac, timingSafeEqual } from 'node:crypto'
import { SESSION_SECRET } from '~/auth/session.server'

/*
 * The thank-you page a submission redirects to carries, besides the receipt, a proof that this
 * server sent the respondent there: an HMAC of the receipt. Only with it does the page look the
 * receipt up and offer to hear back about a case. A receipt typed or guessed into the address
 * shows the page as it always was, so the page tells a guesser nothing (not even whether the
 * receipt exists), and nobody can attach a contact detail to someone else's case. Reading a
 * case's status with a bare receipt is the public "your feedback" page's job, rate limited.
 */

function proofOf(receiptId: string): string {
  return createHmac('sha256', SESSION_SECRET).update(`thanks:${receiptId}`).digest('base64url').slice(0, 22)
}

/** Where a submission with this receipt goes next: the service point's thank-you page, with the proof. */
export function thanksPath(servicePointCode: string, receiptId: string): string {
  const query = new URLSearchParams({ receipt: receiptId, proof: proofOf(receiptId) })
  return `/s/${encodeURIComponent(servicePointCode)}/thanks?${query}`
}

/** Whether `proof` is the one thanksPath gave this receipt. */
export function isThanksProof(receiptId: string, proof: unknown): boolean {
  if (typeof proof !== 'string') return false
  const given = Buffer.from(proof)
  const expected = Buffer.from(proofOf(receiptId))
  return given.length === expected.length && timingSafeEqual(given, expected)
}
