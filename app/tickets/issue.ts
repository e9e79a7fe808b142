import type { TicketClaims } from './token'

/*
 * What a new ticket says: the service point, the field, the day in Vietnam it is issued and its
 * last day (docs/decisions/025-rating-tickets.md). The nonce is 128 random bits, the ticket's
 * identity (RatingTicket.id, Response.ticketId).
 */

const DAY_MS = 86_400_000

/** YYYY-MM-DD plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

export function newTicketClaims(input: {
  servicePointCode: string
  field: string | null
  issuedOn: string
  expiryDays: number
}): TicketClaims {
  return {
    servicePointCode: input.servicePointCode,
    field: input.field,
    issuedOn: input.issuedOn,
    expiresOn: addDays(input.issuedOn, input.expiryDays),
    nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url'),
  }
}
