import { prisma } from '~/db.server'
import { ticketKeys } from '~/tickets/keys.server'
import { type TicketClaims, verifyTicket } from '~/tickets/token'
import { SubmissionError } from './errors'
import { vietnamDay } from './vietnam-time'

/*
 * A rating ticket as the write path accepts it (docs/decisions/025-rating-tickets.md): signed by
 * one of the ring's keys, valid on the day in Vietnam, and minted (a RatingTicket row with its
 * nonce). A ticket another response already used is refused here, before the write; two
 * responses racing with one ticket are decided by the unique Response.ticketId when written.
 */

export type AcceptedTicket = { claims: TicketClaims; servicePointId: string }

/** The ticket, or SubmissionError ticket_invalid (400) / ticket_expired (410). */
export async function requireMintedTicket(token: string, now: Date): Promise<AcceptedTicket> {
  const check = verifyTicket(token, ticketKeys(), vietnamDay(now))
  if (!check.ok) throw new SubmissionError(check.reason === 'expired' ? 410 : 400, check.reason === 'expired' ? 'ticket_expired' : 'ticket_invalid')
  const minted = await prisma.ratingTicket.findUnique({ where: { id: check.claims.nonce }, select: { servicePointId: true } })
  if (!minted) throw new SubmissionError(400, 'ticket_invalid')
  return { claims: check.claims, servicePointId: minted.servicePointId }
}

/**
 * The ticket response `responseId` carries, for the service point the submission resolved to;
 * otherwise also SubmissionError ticket_service_point_mismatch (422) or, when another response
 * holds it, ticket_used (409). The response holding it may be this one: a retry, answered by the
 * store like any replay.
 */
export async function requireTicketAt(token: string, servicePointId: string, responseId: string, now: Date): Promise<AcceptedTicket> {
  const ticket = await requireMintedTicket(token, now)
  if (ticket.servicePointId !== servicePointId) throw new SubmissionError(422, 'ticket_service_point_mismatch')
  const holder = await getTicketHolder(ticket.claims.nonce)
  if (holder && holder !== responseId) throw new SubmissionError(409, 'ticket_used')
  return ticket
}

/** The id of the response given with this ticket, or null while it is unused. */
export async function getTicketHolder(nonce: string): Promise<string | null> {
  return (await prisma.response.findUnique({ where: { ticketId: nonce }, select: { id: true } }))?.id ?? null
}
