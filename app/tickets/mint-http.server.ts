import type { z } from 'zod'
import { takeRateLimit, TICKET_MINT_LIMIT } from '~/auth/rate-limit.server'
import { bearerToken } from '~/read-api/token-text'
import { type ErrorParams, SubmissionError, type SubmissionErrorCode } from '~/responses/errors'
import { parseSubmissionJson } from '~/responses/json'
import { answerJsonError } from '~/responses/submission-api.server'
import { ISSUER_TOKEN_PATTERN } from './issuer-token'
import { authenticateTicketIssuer } from './issuers.server'
import { mintTickets } from './mint.server'
import { MAX_TICKETS_PER_CALL, type MintAnswer, MintRequestSchema } from './mint-request'

/*
 * The HTTP side of POST /api/v1/tickets (docs/decisions/025-rating-tickets.md), for the route's
 * action: the issuer's bearer token, its budget, the JSON body read by MintRequestSchema, then
 * mintTickets. Answers 200 `{ tickets: [...] }`; refusals take the one error shape of the
 * platform's APIs, `{ error: { code, message, params? } }`, in the request's language, and
 * change nothing.
 */

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }

export async function answerMintApi(request: Request): Promise<Response> {
  if (request.method !== 'POST') return apiError(request, 405, 'method_not_allowed')
  const token = bearerToken(request.headers.get('Authorization'), ISSUER_TOKEN_PATTERN)
  if (token === null) return apiError(request, 401, 'issuer_token_missing')
  if (token === '') return apiError(request, 401, 'issuer_token_unknown')
  const issuer = await authenticateTicketIssuer(token)
  if ('refused' in issuer) return apiError(request, 401, issuer.refused)
  const budget = await takeRateLimit(TICKET_MINT_LIMIT, issuer.id)
  if (!budget.allowed) return apiError(request, 429, 'api_rate_limited', { retryAfterSeconds: budget.retryAfterSeconds })
  if (request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    return apiError(request, 415, 'unsupported_media_type')
  }

  let body: unknown
  try {
    body = parseSubmissionJson(await request.text())
  } catch (error) {
    if (error instanceof SubmissionError) return apiError(request, error.status, error.code, error.params)
    throw error
  }
  // Counted before the items are read, so an oversized call costs nothing more.
  const count = typeof body === 'object' && body !== null && 'tickets' in body && Array.isArray(body.tickets) ? body.tickets.length : 0
  if (count > MAX_TICKETS_PER_CALL) return apiError(request, 413, 'too_many_tickets', { max: MAX_TICKETS_PER_CALL })
  const parsed = MintRequestSchema.safeParse(body)
  if (!parsed.success) return apiError(request, 400, 'invalid_ticket_request', { field: fieldOf(parsed.error) })

  const minted = await mintTickets(issuer, parsed.data.tickets)
  if ('refused' in minted) return apiError(request, minted.refused.status, minted.refused.code, minted.refused.params)
  const origin = new URL(request.url).origin
  const answer: MintAnswer = {
    tickets: minted.tickets.map(({ path, ...ticket }) => ({ index: ticket.index, url: `${origin}${path}`, nonce: ticket.nonce, expiresOn: ticket.expiresOn, created: ticket.created })),
  }
  return new Response(JSON.stringify(answer), { status: 200, headers: JSON_HEADERS })
}

/** Where the body went wrong, as a path (`tickets.3.dossierCode`); `tickets` for an empty list. */
function fieldOf(error: z.ZodError): string {
  const issue = error.issues[0]
  if (issue?.code === 'unrecognized_keys') return [...issue.path, issue.keys[0] ?? ''].join('.')
  return issue?.path.length ? issue.path.join('.') : 'tickets'
}

async function apiError(request: Request, status: number, code: SubmissionErrorCode, params?: ErrorParams): Promise<Response> {
  const answer = await answerJsonError({ url: request.url, header: (name) => request.headers.get(name) }, status, code, params)
  const headers = new Headers(answer.headers)
  if (status === 401) headers.set('WWW-Authenticate', 'Bearer realm="sipas"')
  return new Response(answer.body, { status: answer.status, headers })
}
