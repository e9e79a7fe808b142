/*
 * What an API token looks like (docs/decisions/021-read-api.md): `sipas_` and 32 random bytes in
 * base64url. The prefix makes a leaked token recognisable to people and to secret scanners; the
 * first characters after it are kept in clear so a list can tell tokens apart.
 */

const API_TOKEN_PREFIX = 'sipas_'
/** Random bytes in a token: 256 bits, beyond guessing. */
export const API_TOKEN_BYTES = 32
/** Characters of a token kept in clear for lists: the prefix and six of the random ones. */
const SHOWN_CHARACTERS = API_TOKEN_PREFIX.length + 6
/** The longest a token may live: consumers renew once a year at most. */
export const MAX_API_TOKEN_DAYS = 366

const TOKEN_PATTERN = /^sipas_[A-Za-z0-9_-]{43}$/

/** A token from its random bytes. */
export function apiTokenFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== API_TOKEN_BYTES) throw new Error(`apiTokenFromBytes: expected ${API_TOKEN_BYTES} bytes`)
  return API_TOKEN_PREFIX + Buffer.from(bytes).toString('base64url')
}

/** The part of a token a list shows, e.g. `sipas_Ab3dE9`. */
export function shownPrefix(token: string): string {
  return token.slice(0, SHOWN_CHARACTERS)
}

/**
 * The token of an `Authorization: Bearer …` header: null without one, '' for a header that is
 * not a bearer token of ours (the caller answers both 401, but says which). `pattern` is the
 * shape of the tokens the caller accepts: a read-API token by default, a ticket issuer's for the
 * minting API (app/tickets/issuer-token.ts).
 */
export function bearerToken(header: string | null, pattern = TOKEN_PATTERN): string | null {
  if (header === null) return null
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header.trim())
  const token = match?.[1] ?? ''
  return pattern.test(token) ? token : ''
}
