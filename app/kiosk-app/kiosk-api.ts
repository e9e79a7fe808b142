import { KIOSK_TOKEN_HEADER } from '~/auth/kiosk-token'
import type { Enrolment, KioskConfig } from './kiosk-config'
import type { KioskEnvelope, RefusedResponse } from './queue'

/*
 * The kiosk's calls to the server (docs/decisions/019-kiosk.md). Every answer is JSON; errors
 * have the one shape `{ error: { code, message } }`. A network failure rejects (fetch's
 * TypeError): callers treat it as "try again later".
 */


export type ApiError = { code: string; message: string }
export type ApiAnswer<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; error: ApiError; retryAfterMs: number | null }

type CallOptions = { method?: 'GET' | 'POST'; token?: string; body?: unknown; language?: string }

async function call<T>(path: string, { method = 'GET', token, body, language }: CallOptions = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (token) headers[KIOSK_TOKEN_HEADER] = token
  const url = language ? `${path}?lng=${encodeURIComponent(language)}` : path
  // No cookies: a staff member signed in on the same browser must not lend the kiosk a session.
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  })
  const json: unknown = await response.json().catch(() => null)
  if (response.ok) return { ok: true, status: response.status, body: json as T }
  return { ok: false, status: response.status, error: errorOf(json, response.status), retryAfterMs: retryAfterMs(response) }
}

function errorOf(json: unknown, status: number): ApiError {
  const error = (json as { error?: Partial<ApiError> } | null)?.error
  return {
    code: typeof error?.code === 'string' ? error.code : `http_${status}`,
    message: typeof error?.message === 'string' ? error.message : '',
  }
}

function retryAfterMs(response: Response): number | null {
  const seconds = Number(response.headers.get('Retry-After'))
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null
}

export function enrolDevice(code: string, language: string) {
  return call<Enrolment>('/api/kiosk/enrol', { method: 'POST', body: { code }, language })
}

export function fetchKioskConfig(token: string) {
  return call<KioskConfig>('/api/kiosk/config', { token })
}

export type Heartbeat = {
  appVersion: string
  queueLength: number
  oldestQueuedAt: string | null
  lastSyncAt: string | null
  online: boolean
  battery: { level: number; charging: boolean } | null
  refused: RefusedResponse[]
}

export function sendHeartbeat(token: string, heartbeat: Heartbeat) {
  return call<{ versionId: string | null }>('/api/kiosk/heartbeat', { method: 'POST', token, body: heartbeat })
}

type BatchResult = { id: string | null; status: number; receiptId?: string; error?: ApiError }

/**
 * One batch of responses (POST /api/submissions with a JSON array): one answer per envelope, in
 * order. A refusal of the whole request (a revoked token, a spent budget, the server down)
 * stands for every envelope of it.
 */
export async function submitBatch(token: string, envelopes: readonly KioskEnvelope[]): Promise<ApiAnswer<unknown>[]> {
  const answer = await call<{ results: BatchResult[] }>('/api/submissions', { method: 'POST', token, body: envelopes })
  if (!answer.ok) return envelopes.map(() => answer)
  return envelopes.map((_, at): ApiAnswer<unknown> => {
    const result = answer.body.results[at]
    if (!result) return { ok: false, status: 502, error: { code: 'http_502', message: '' }, retryAfterMs: null }
    if (result.error) return { ok: false, status: result.status, error: result.error, retryAfterMs: null }
    return { ok: true, status: result.status, body: result }
  })
}
