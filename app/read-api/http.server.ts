import type { z } from 'zod'
import { READ_API_LIMIT, takeRateLimit } from '~/auth/rate-limit.server'
import type { ErrorParams, SubmissionErrorCode } from '~/responses/errors'
import { answerJsonError } from '~/responses/submission-api.server'
import { etagOf, matchesEtag } from './etag'
import { type ApiRefusal, isRefusal } from './refusal'
import { bearerToken } from './token-text'
import { type ApiClient, authenticateApiToken } from './tokens.server'

/*
 * The HTTP side of /api/v1 (docs/decisions/021-read-api.md), for the routes' loaders: the bearer
 * token, the per-token budget, the query string read by the endpoint's schema, then the answer
 * as JSON with a strong ETag (304 when the client has it). Errors take the one shape of the
 * platform's APIs, `{ error: { code, message, params? } }`, in the request's language.
 */

/**
 * Answers may be kept by the client that asked (they depend on its token), and must be
 * revalidated before each reuse: figures change whenever responses arrive.
 */
const CACHE_CONTROL = 'private, no-cache'

/** The query string as an object; a parameter given twice keeps its first value. */
function queryOf(url: URL): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [name, value] of url.searchParams) if (!(name in query)) query[name] = value
  return query
}

export async function answerReadApi<Schema extends z.ZodType, Body>(
  request: Request,
  schema: Schema,
  endpoint: (query: z.output<Schema>, client: ApiClient) => Promise<Body | ApiRefusal>,
): Promise<Response> {
  const token = bearerToken(request.headers.get('Authorization'))
  if (token === null) return apiError(request, 401, 'api_token_missing')
  if (token === '') return apiError(request, 401, 'api_token_unknown')
  const client = await authenticateApiToken(token)
  if ('refused' in client) return apiError(request, 401, client.refused)
  const budget = await takeRateLimit(READ_API_LIMIT, client.tokenId)
  if (!budget.allowed) return apiError(request, 429, 'api_rate_limited', { retryAfterSeconds: budget.retryAfterSeconds })

  const parsed = schema.safeParse(queryOf(new URL(request.url)))
  if (!parsed.success) return apiError(request, 400, 'invalid_parameter', { parameter: parameterOf(parsed.error) })
  const answer = await endpoint(parsed.data, client)
  if (isRefusal(answer)) return apiError(request, answer.refused.status, answer.refused.code, answer.refused.params)

  const body = JSON.stringify(answer)
  const etag = etagOf(body)
  const headers = { ETag: etag, 'Cache-Control': CACHE_CONTROL, Vary: 'Authorization' }
  if (matchesEtag(request.headers.get('If-None-Match'), etag)) return new Response(null, { status: 304, headers })
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } })
}

/** The parameter a refused query is refused over: the first issue's, or the first unknown one. */
function parameterOf(error: z.ZodError): string {
  const issue = error.issues[0]
  if (issue?.code === 'unrecognized_keys') return issue.keys[0] ?? ''
  return String(issue?.path[0] ?? '')
}

async function apiError(request: Request, status: number, code: SubmissionErrorCode, params?: ErrorParams): Promise<Response> {
  const answer = await answerJsonError({ url: request.url, header: (name) => request.headers.get(name) }, status, code, params)
  const headers = new Headers(answer.headers)
  if (status === 401) headers.set('WWW-Authenticate', 'Bearer realm="sipas"')
  return new Response(answer.body, { status: answer.status, headers })
}
