import type { IncomingMessage, ServerResponse } from 'node:http'
import { readRequestBody } from '../../server/request-body'
import type { ErrorParams, SubmissionErrorCode } from './errors'
import {
  answerJsonError,
  answerSubmissionApi,
  type JsonErrorRequest,
  type SubmissionApiAnswer,
} from './submission-api.server'

/**
 * POST /api/submissions straight from Node's HTTP server, for server/submissions.ts (ADR 015):
 * the same answerSubmissionApi as the Remix route, without building a Fetch Request and Response
 * and matching Remix's routes for every submission, which cost four times the submission itself.
 */
export async function serveSubmissionApi(req: IncomingMessage, res: ServerResponse, clientIp?: string): Promise<void> {
  const answer = await answerSubmissionApi({
    ...jsonErrorRequest(req),
    method: req.method ?? 'GET',
    clientIp,
    readBody: () => readBody(req, res),
  })
  // The client may have gone while its submission was stored; the answer has nowhere to go.
  if (!res.destroyed) send(res, answer)
}

/**
 * An error in the API's JSON format and the request's language, for refusals the server gives
 * itself (server/app.ts): a body over the limit, a crash.
 */
export async function serveJsonError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: SubmissionErrorCode,
  params?: ErrorParams,
): Promise<void> {
  send(res, await answerJsonError(jsonErrorRequest(req), status, code, params))
}

function jsonErrorRequest(req: IncomingMessage): JsonErrorRequest {
  return { url: req.url ?? '/', header: (name) => headerOf(req, name) }
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()]
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
}

function send(res: ServerResponse, { status, headers, body }: SubmissionApiAnswer) {
  res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

/** The body as text; a refused body is left unread, so the connection is closed after the answer. */
async function readBody(req: IncomingMessage, res: ServerResponse): Promise<string> {
  try {
    return (await readRequestBody(req, req.headers['content-length'])).toString('utf8')
  } catch (error) {
    res.setHeader('Connection', 'close')
    throw error
  }
}
