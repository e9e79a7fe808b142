import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { MAX_REQUEST_BODY_BYTES, readTextBody } from '~/auth/body-limit.server'
import { getKioskDevice, KIOSK_TOKEN_HEADER } from '~/auth/kiosk.server'
import { requireSubmissionBudget } from '~/auth/rate-limit.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { databaseGuard, SUBMISSION_DEADLINE_MS } from '~/responses/database-errors.server'
import { errorMessageKey, SubmissionError } from '~/responses/errors'
import { parseSubmissionJson } from '~/responses/json'
import { submitResponse } from '~/responses/submit.server'

/*
 * POST /api/submissions — the submission contract over JSON, for kiosks and offline sync
 * (app/responses/submit.server.ts). A valid X-Kiosk-Token makes the channel `kiosk` with the
 * kiosk's own budget; without one the envelope may say `phone` or `web` (default web) and the
 * client IP's budget applies. Answers: 201/200 `{ id, receiptId }`, otherwise
 * `{ error: { code, message, params?, issues? } }` in the request's language (?lng, cookie,
 * Accept-Language), with Retry-After on 429 and 503.
 */

const NO_STORE = { 'Cache-Control': 'no-store' }

export async function loader({ request }: LoaderFunctionArgs) {
  return errorResponse(request, new SubmissionError(405, 'method_not_allowed'))
}

export async function action({ request, context }: ActionFunctionArgs) {
  try {
    if (request.method !== 'POST') throw new SubmissionError(405, 'method_not_allowed')
    if (!isJson(request.headers.get('Content-Type'))) throw new SubmissionError(415, 'unsupported_media_type')
    const deadline = Date.now() + SUBMISSION_DEADLINE_MS
    const kiosk = request.headers.has(KIOSK_TOKEN_HEADER) ? await kioskOf(request, deadline) : null
    if (request.headers.has(KIOSK_TOKEN_HEADER) && !kiosk) throw new SubmissionError(401, 'invalid_kiosk_token')
    await fromThrownResponse(() => requireSubmissionBudget({ kioskId: kiosk?.id, clientIp: context.clientIp }))
    const body = parseSubmissionJson(await fromThrownResponse(() => readTextBody(request)))
    const result = await submitResponse(body, {
      channel: kiosk ? 'kiosk' : 'web',
      kioskId: kiosk?.id,
      kioskServicePointId: kiosk?.servicePointId,
      language: await getLanguage(request),
      deadline,
    })
    return Response.json({ id: result.id, receiptId: result.receiptId }, { status: result.status, headers: NO_STORE })
  } catch (error) {
    if (error instanceof SubmissionError) return errorResponse(request, error)
    console.error('POST /api/submissions failed:', error)
    return errorResponse(request, new SubmissionError(500, 'internal_error'))
  }
}

async function kioskOf(request: Request, deadline: number) {
  const guard = databaseGuard(deadline)
  try {
    return await guard.run(() => getKioskDevice(request))
  } finally {
    guard.end()
  }
}

function isJson(contentType: string | null) {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json'
}

/** The auth helpers throw ready-made responses (429, 413); this API answers in its own format. */
async function fromThrownResponse<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 429) {
      throw new SubmissionError(429, 'rate_limited', { retryAfterSeconds: Number(thrown.headers.get('Retry-After') ?? 1) })
    }
    if (thrown instanceof Response && thrown.status === 413) {
      throw new SubmissionError(413, 'payload_too_large', { maxBytes: MAX_REQUEST_BODY_BYTES })
    }
    throw thrown
  }
}

async function errorResponse(request: Request, error: SubmissionError) {
  const t = await getFixedT(request, 'submission')
  const headers: Record<string, string> = { ...NO_STORE }
  if (error.params.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.params.retryAfterSeconds)
  if (error.status === 405) headers.Allow = 'POST'
  const issues = error.issues.map((issue) => ({
    code: issue.code,
    itemCode: issue.itemCode,
    message: t(errorMessageKey(issue.code), { itemCode: issue.itemCode, ...issue.params }),
  }))
  return Response.json(
    {
      error: {
        code: error.code,
        message: t(errorMessageKey(error.code), error.params),
        ...(Object.keys(error.params).length ? { params: error.params } : {}),
        ...(issues.length ? { issues } : {}),
      },
    },
    { status: error.status, headers },
  )
}
