/*
 * What a ticket issuer's service token looks like (docs/decisions/025-rating-tickets.md):
 * `sipas_tk_` and 32 random bytes in base64url. Its own prefix tells it apart from a read-API
 * token (`sipas_`, app/read-api/token-text.ts) for people and secret scanners, and neither is
 * accepted where the other is expected.
 */

const ISSUER_TOKEN_PREFIX = 'sipas_tk_'
/** Random bytes in a token: 256 bits, beyond guessing. */
export const ISSUER_TOKEN_BYTES = 32
/** Characters of a token kept in clear for lists: the prefix and six of the random ones. */
const SHOWN_CHARACTERS = ISSUER_TOKEN_PREFIX.length + 6

export const ISSUER_TOKEN_PATTERN = /^sipas_tk_[A-Za-z0-9_-]{43}$/

/** A token from its random bytes. */
export function issuerTokenFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== ISSUER_TOKEN_BYTES) throw new Error(`issuerTokenFromBytes: expected ${ISSUER_TOKEN_BYTES} bytes`)
  return ISSUER_TOKEN_PREFIX + Buffer.from(bytes).toString('base64url')
}

/** The part of a token a list shows, e.g. `sipas_tk_Ab3dE9`. */
export function shownIssuerPrefix(token: string): string {
  return token.slice(0, SHOWN_CHARACTERS)
}
