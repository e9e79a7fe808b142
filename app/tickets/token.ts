import { createHmac, timingSafeEqual } from 'node:crypto'

/*
 * Rating tickets (docs/decisions/025-rating-tickets.md): a single-use link a citizen gets with the
 * result of a procedure. The token names the service point, the procedure field, the day it was
 * issued, the last day it may be used and a random nonce, signed with HMAC-SHA-256 under a key the
 * token names by id. Several keys verify at once, one signs: rotating the signing key does not
 * void tickets already handed out, and dropping an old key voids exactly the tickets it signed.
 *
 *   <keyId>.<payload>.<mac>   payload = base64url("v1|<servicePointCode>|<field>|<issuedOn>|<expiresOn>|<nonce>")
 *
 * Pure: the keys come in (app/tickets/keys.server.ts reads them from the environment).
 */

export type TicketClaims = {
  servicePointCode: string
  /** A procedure field code (app/tickets/fields.ts), or null when the desk did not say. */
  field: string | null
  /** YYYY-MM-DD, the day in Vietnam the ticket was issued. */
  issuedOn: string
  /** YYYY-MM-DD, the last day the ticket may be used. */
  expiresOn: string
  /** Random, base64url: the ticket's identity (RatingTicket.id, Response.ticketId). */
  nonce: string
}

export type TicketKey = { id: string; secret: string }

/** The key that signs new tickets, and every key a ticket may have been signed with. */
export type TicketKeyRing = { signing: TicketKey; verifying: readonly TicketKey[] }

export type TicketRefusal = 'malformed' | 'unknown_key' | 'bad_signature' | 'not_yet_valid' | 'expired'

export type TicketCheck = { ok: true; claims: TicketClaims; keyId: string } | { ok: false; reason: TicketRefusal }

const VERSION = 'v1'
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/
const NONCE = /^[A-Za-z0-9_-]{16,43}$/
const CODE = /^[A-Z0-9][A-Z0-9._-]{0,31}$/
const FIELD = /^[a-z][a-z0-9_]{0,31}$/

export function isKeyId(id: string): boolean {
  return KEY_ID.test(id)
}

export function signTicket(claims: TicketClaims, key: TicketKey): string {
  const problem = claimsProblem(claims)
  if (problem) throw new Error(`signTicket: ${problem}`)
  if (!isKeyId(key.id)) throw new Error(`signTicket: bad key id ${JSON.stringify(key.id)}`)
  const payload = Buffer.from(
    [VERSION, claims.servicePointCode, claims.field ?? '', claims.issuedOn, claims.expiresOn, claims.nonce].join('|'),
  ).toString('base64url')
  return `${key.id}.${payload}.${mac(key, payload)}`
}

/**
 * What a token says, if one of the ring's keys signed it and `today` (YYYY-MM-DD, Vietnam) lies
 * between its issue day and its last day; otherwise why not. Whether it was used is the database's
 * to say.
 */
export function verifyTicket(token: string, ring: TicketKeyRing, today: string): TicketCheck {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'malformed' }
  const [keyId, payload, signature] = parts as [string, string, string]
  if (!isKeyId(keyId) || !/^[A-Za-z0-9_-]+$/.test(payload)) return { ok: false, reason: 'malformed' }
  const key = ring.verifying.find((candidate) => candidate.id === keyId)
  if (!key) return { ok: false, reason: 'unknown_key' }
  if (!sameText(signature, mac(key, payload))) return { ok: false, reason: 'bad_signature' }
  const fields = Buffer.from(payload, 'base64url').toString('utf8').split('|')
  if (fields.length !== 6 || fields[0] !== VERSION) return { ok: false, reason: 'malformed' }
  const [, servicePointCode, field, issuedOn, expiresOn, nonce] = fields as [string, string, string, string, string, string]
  const claims: TicketClaims = { servicePointCode, field: field || null, issuedOn, expiresOn, nonce }
  if (claimsProblem(claims)) return { ok: false, reason: 'malformed' }
  if (today < issuedOn) return { ok: false, reason: 'not_yet_valid' }
  if (today > expiresOn) return { ok: false, reason: 'expired' }
  return { ok: true, claims, keyId }
}

function claimsProblem(claims: TicketClaims): string | null {
  if (!CODE.test(claims.servicePointCode)) return `bad service point code ${JSON.stringify(claims.servicePointCode)}`
  if (claims.field !== null && !FIELD.test(claims.field)) return `bad field ${JSON.stringify(claims.field)}`
  if (!DAY.test(claims.issuedOn) || !DAY.test(claims.expiresOn)) return 'days must be YYYY-MM-DD'
  if (claims.expiresOn < claims.issuedOn) return 'expires before it is issued'
  if (!NONCE.test(claims.nonce)) return 'bad nonce'
  return null
}

function mac(key: TicketKey, payload: string): string {
  // The key id is signed too: a payload cannot be moved under another key's name.
  return createHmac('sha256', key.secret).update(`rating-ticket:${key.id}.${payload}`).digest('base64url')
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
