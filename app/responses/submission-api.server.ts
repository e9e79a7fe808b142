import { KIOSK_TOKEN_HEADER } from '~/auth/kiosk-token'
import { kioskOfToken } from '~/auth/kiosk.server'
import { getKioskSettings } from './kiosk-settings.server'
import { takeSubmissionBudget } from '~/auth/rate-limit.server'
import { fixedT, languageOf } from '~/i18n/i18next.server'
import { BodyAbortedError, BodyTooLargeError } from '../../server/request-body'
import { databaseGuard, SUBMISSION_DEADLINE_MS } from './database-errors.server'
import { type ErrorParams, errorMessageKey, SubmissionError, type SubmissionErrorCode } from './errors'
import { parseSubmissionJson } from './json'
import { type SubmissionContext, submitResponse } from './submit.server'

/*
 * POST /api/submissions — the submission contract over JSON, for kiosks and offline sync
 * (submit.server.ts). A valid X-Kiosk-Token makes the channel `kiosk` with the kiosk's own
 * budget; without one the envelope may say `phone` or `web` (default web) and the client IP's
 * budget applies. Answers: 201/200 `{ id, receiptId }`, otherwise
 * `{ error: { code, message, params?, issues? } }` in the request's language (?lng, cookie,
 * Accept-Language), with Retry-After on 429 and 503.
 *
 * Written against a minimal request shape, not Fetch's Request: the Remix route
 * (routes/api.submissions.ts) and the server's direct handler
 * (submission-http.server.ts, ADR 015) both answer through this one function.
 */

/** What an error answer needs of a request: its language (`?lng=`, cookie, Accept-Language). */
export type JsonErrorRequest = {
  /** The request URL, absolute or a path (for `?lng=`). */
  url: string
  /** A request header by name, case-insensitive; null when absent. */
  header(name: string): string | null
}

export type SubmissionApiRequest = JsonErrorRequest & {
  method: string
  clientIp?: string
  /** The body as text, read by readRequestBody (server/request-body.ts), whose errors it passes on. */
  readBody(): Promise<string>
}

export type SubmissionApiAnswer = { status: number; headers: Record<string, string>; body: string }

const NO_STORE = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }

export async function answerSubmissionApi(request: SubmissionApiRequest): Promise<SubmissionApiAnswer> {
  try {
    if (request.method !== 'POST') throw new SubmissionError(405, 'method_not_allowed')
    if (!isJson(request.header('Content-Type'))) throw new SubmissionError(415, 'unsupported_media_type')
    const deadline = Date.now() + SUBMISSION_DEADLINE_MS
    const token = request.header(KIOSK_TOKEN_HEADER)
    const kiosk = token === null ? null : await kioskOf(token, deadline)
    if (token !== null && !kiosk) throw new SubmissionError(401, 'invalid_kiosk_token')
    // Revoked is told apart from unknown: the kiosk then keeps its queue and says so on screen.
    if (kiosk?.revoked) throw new SubmissionError(403, 'kiosk_revoked')
    const budget = await takeSubmissionBudget({ kioskId: kiosk?.id, clientIp: request.clientIp })
    if (!budget.allowed) {
      throw new SubmissionError(429, 'rate_limited', { retryAfterSeconds: budget.retryAfterSeconds })
    }
    const body = parseSubmissionJson(await readBody(request))
    const context: SubmissionContext = {
      channel: kiosk ? 'kiosk' : 'web',
      kioskId: kiosk?.id,
      kioskServicePointId: kiosk?.servicePointId,
      versionGraceDays: kiosk ? (await getKioskSettings()).versionGraceDays : undefined,
      language: await languageOfRequest(request),
      deadline,
    }
    if (Array.isArray(body)) return await batchAnswer(request, body, context, kiosk?.id)
    const result = await submitResponse(body, context)
    return {
      status: result.status,
      headers: NO_STORE,
      body: JSON.stringify({ id: result.id, receiptId: result.receiptId }),
    }
  } catch (error) {
    if (error instanceof SubmissionError) return errorAnswer(request, error)
    console.error('POST /api/submissions failed:', error)
    return errorAnswer(request, new SubmissionError(500, 'internal_error'))
  }
}

/** The most submissions one request may carry (a kiosk sending its offline queue). */
export const MAX_SUBMISSION_BATCH = 100

/**
 * A batch: a JSON array of envelopes, each stored (or refused) as if sent alone, answered 200
 * with one result per envelope in the order given — `{ id, status, receiptId }` or
 * `{ id, status, error }`. Envelopes of one batch share a group commit, so a kiosk's week of
 * answers drains in a few dozen requests (docs/decisions/019-kiosk.md). Each costs one token of
 * the caller's budget; without enough left the whole batch is refused (429).
 */
async function batchAnswer(
  request: SubmissionApiRequest,
  envelopes: unknown[],
  context: SubmissionContext,
  kioskId: string | undefined,
): Promise<SubmissionApiAnswer> {
  if (envelopes.length === 0 || envelopes.length > MAX_SUBMISSION_BATCH) {
    throw new SubmissionError(400, 'invalid_batch', { max: MAX_SUBMISSION_BATCH })
  }
  // One token was taken for the request before its body was read.
  const budget = await takeSubmissionBudget({ kioskId, clientIp: request.clientIp }, envelopes.length - 1)
  if (!budget.allowed) throw new SubmissionError(429, 'rate_limited', { retryAfterSeconds: budget.retryAfterSeconds })
  const t = await fixedT(context.language, 'submission')
  const results = await Promise.all(
    envelopes.map(async (envelope) => {
      const id = typeof envelope === 'object' && envelope !== null && 'id' in envelope ? envelope.id : null
      try {
        const result = await submitResponse(envelope, context)
        return { id: result.id, status: result.status, receiptId: result.receiptId }
      } catch (error) {
        if (!(error instanceof SubmissionError)) console.error('POST /api/submissions (batch) failed:', error)
        const refusal = error instanceof SubmissionError ? error : new SubmissionError(500, 'internal_error')
        return { id: typeof id === 'string' ? id : null, status: refusal.status, ...errorBody(t, refusal) }
      }
    }),
  )
  return { status: 200, headers: NO_STORE, body: JSON.stringify({ results }) }
}

/**
 * An error in the API's format, `{ error: { code, message, params? } }` with the message in the
 * request's language, for refusals the server answers before or instead of answerSubmissionApi:
 * a body over the limit on another path, a crash (server/app.ts).
 */
export function answerJsonError(
  request: JsonErrorRequest,
  status: number,
  code: SubmissionErrorCode,
  params?: ErrorParams,
): Promise<SubmissionApiAnswer> {
  return errorAnswer(request, new SubmissionError(status, code, params))
}

async function readBody(request: SubmissionApiRequest): Promise<string> {
  try {
    return await request.readBody()
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new SubmissionError(413, 'payload_too_large', { maxBytes: error.maxBytes })
    }
    // The client went away mid-body: nothing is stored and nobody reads the answer.
    if (error instanceof BodyAbortedError) throw new SubmissionError(400, 'invalid_json')
    throw error
  }
}

async function kioskOf(token: string, deadline: number) {
  const guard = databaseGuard(deadline)
  try {
    return await guard.run(() => kioskOfToken(token))
  } finally {
    guard.end()
  }
}

function isJson(contentType: string | null) {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json'
}

function languageOfRequest(request: JsonErrorRequest) {
  return languageOf({
    url: request.url,
    cookie: request.header('Cookie'),
    acceptLanguage: request.header('Accept-Language'),
  })
}

async function errorAnswer(request: JsonErrorRequest, error: SubmissionError): Promise<SubmissionApiAnswer> {
  const t = await fixedT(await languageOfRequest(request), 'submission')
  const headers: Record<string, string> = { ...NO_STORE }
  if (error.params.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.params.retryAfterSeconds)
  if (error.status === 405) headers.Allow = 'POST'
  return { status: error.status, headers, body: JSON.stringify(errorBody(t, error)) }
}

type Translate = Awaited<ReturnType<typeof fixedT>>

/** `{ error: { code, message, params?, issues? } }`, the messages in `t`'s language. */
function errorBody(t: Translate, error: SubmissionError) {
  const issues = error.issues.map((issue) => ({
    code: issue.code,
    itemCode: issue.itemCode,
    message: t(errorMessageKey(issue.code), { itemCode: issue.itemCode, ...issue.params }),
  }))
  return {
    error: {
      code: error.code,
      message: t(errorMessageKey(error.code), error.params),
      ...(Object.keys(error.params).length ? { params: error.params } : {}),
      ...(issues.length ? { issues } : {}),
    },
  }
}
