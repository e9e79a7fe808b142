import { KIOSK_TOKEN_HEADER } from '~/auth/kiosk-token'
import { type KioskDevice, kioskOfToken } from '~/auth/kiosk.server'
import { clientThrottleKey, getLoginRetryAfterMs, recordLoginFailure } from '~/auth/login-throttle.server'
import type { ErrorParams, SubmissionErrorCode } from '~/responses/errors'
import { answerJsonError } from '~/responses/submission-api.server'
import { type Enrolment, enrolKiosk, getCurrentKioskVersionId, getKioskConfig, recordHeartbeat } from './devices.server'
import { HeartbeatSchema } from './heartbeat'

/*
 * The kiosk endpoints' answers (docs/decisions/019-kiosk.md): JSON, never cached, errors in the
 * one shape `{ error: { code, message } }` in the request's language. The routes
 * (routes/api.kiosk.*.ts) only call these.
 */

const NO_STORE = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: NO_STORE })
}

/** The one error shape, as a Fetch Response. */
async function kioskError(request: Request, status: number, code: SubmissionErrorCode, params?: ErrorParams) {
  const answer = await answerJsonError(
    { url: request.url, header: (name) => request.headers.get(name) },
    status,
    code,
    params,
  )
  return new Response(answer.body, { status: answer.status, headers: answer.headers })
}

/** The kiosk that sent the request, or the 401/403 answer to send instead. */
async function kioskOfRequest(request: Request): Promise<KioskDevice | Response> {
  const kiosk = await kioskOfToken(request.headers.get(KIOSK_TOKEN_HEADER))
  if (!kiosk) return kioskError(request, 401, 'invalid_kiosk_token')
  if (kiosk.revoked) return kioskError(request, 403, 'kiosk_revoked')
  return kiosk
}

/** Reads a JSON body; null when it is not JSON (the caller answers 400). */
async function jsonBody(request: Request): Promise<unknown | null> {
  try {
    return await request.json()
  } catch {
    return null
  }
}

const ENROLMENT_STATUS = {
  invalid_enrolment_code: 400,
  unknown_enrolment_code: 404,
  enrolment_code_used: 409,
  enrolment_code_expired: 410,
} as const

/**
 * POST /api/kiosk/enrol `{ code }`. Wrong codes count against the client's address like wrong
 * passwords, so 40 random bits cannot be guessed by trying.
 */
export async function answerEnrolment(request: Request, clientIp: string | undefined): Promise<Response> {
  if (request.method !== 'POST') return kioskError(request, 405, 'method_not_allowed')
  const throttleKey = clientThrottleKey('kiosk-enrolment', clientIp)
  const waitMs = await getLoginRetryAfterMs([throttleKey])
  if (waitMs > 0) {
    return kioskError(request, 429, 'too_many_attempts', { retryAfterSeconds: Math.ceil(waitMs / 1000) })
  }
  const body = await jsonBody(request)
  const code = typeof body === 'object' && body !== null && 'code' in body ? body.code : undefined
  if (typeof code !== 'string' || code.length > 40) return kioskError(request, 400, 'invalid_enrolment_code')
  const result: Enrolment | { refused: keyof typeof ENROLMENT_STATUS } = await enrolKiosk(code)
  if ('refused' in result) {
    if (result.refused !== 'invalid_enrolment_code') await recordLoginFailure([throttleKey])
    return kioskError(request, ENROLMENT_STATUS[result.refused], result.refused)
  }
  return json(result, 201)
}

/** GET /api/kiosk/config: what the kiosk asks today. */
export async function answerConfig(request: Request): Promise<Response> {
  const kiosk = await kioskOfRequest(request)
  if (kiosk instanceof Response) return kiosk
  const config = await getKioskConfig(kiosk)
  if (!config) return kioskError(request, 404, 'no_campaign')
  return json(config)
}

/** POST /api/kiosk/heartbeat: the kiosk's state; answers the version it should be asking. */
export async function answerHeartbeat(request: Request): Promise<Response> {
  if (request.method !== 'POST') return kioskError(request, 405, 'method_not_allowed')
  const kiosk = await kioskOfRequest(request)
  if (kiosk instanceof Response) return kiosk
  const parsed = HeartbeatSchema.safeParse(await jsonBody(request))
  if (!parsed.success) {
    return kioskError(request, 400, 'invalid_heartbeat', { field: parsed.error.issues[0]?.path.join('.') ?? '' })
  }
  await recordHeartbeat(kiosk.id, parsed.data)
  return json({ versionId: await getCurrentKioskVersionId(kiosk) })
}
