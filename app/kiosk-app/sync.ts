import { type ApiAnswer, submitResponse } from './kiosk-api'
import { setSetting, type KioskDb } from './kiosk-db'
import { type KioskEnvelope, queuedResponses, refuseQueued, removeQueued } from './queue'

/*
 * One round of sending the queue (docs/decisions/019-kiosk.md, "Offline answers"): in order of
 * completion, one request per response, stopping at the first failure that may pass. Sending
 * twice is harmless: the server stores a response id once and answers a replay with 200.
 */

/** Retries after a failure wait about BASE × 2^(failures − 1), never more than MAX, with jitter. */
export const SYNC_RETRY_BASE_MS = 5_000
export const SYNC_RETRY_MAX_MS = 5 * 60_000

export type Outcome = 'stored' | 'retry' | 'revoked' | 'refused'

/** What a status means for a queued response. */
export function outcomeOf(status: number): Outcome {
  if (status === 200 || status === 201) return 'stored'
  if (status === 401 || status === 403) return 'revoked'
  if (status === 408 || status === 429 || status >= 500) return 'retry'
  if (status >= 400) return 'refused'
  // Anything else (a redirect from a captive portal, say) did not reach the submission API.
  return 'retry'
}

/**
 * The wait before the next attempt after `failures` failed rounds in a row: "equal jitter",
 * between half and all of the capped exponential step, so a desk full of kiosks that lost the
 * network together does not come back in one burst.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const step = Math.min(SYNC_RETRY_MAX_MS, SYNC_RETRY_BASE_MS * 2 ** Math.max(0, failures - 1))
  return Math.round(step / 2 + (random() * step) / 2)
}

export type SyncRound =
  | { result: 'done'; sent: number; refused: number }
  | { result: 'retry'; sent: number; refused: number; retryAfterMs: number | null }
  | { result: 'revoked'; sent: number; refused: number; status: number }

export type Submit = (token: string, envelope: KioskEnvelope) => Promise<ApiAnswer<unknown>>

/** Sends what is queued now, in order, until the queue is empty or a response can't be sent yet. */
export async function sendQueue(
  db: KioskDb,
  token: string,
  { submit = submitResponse, now = () => new Date() }: { submit?: Submit; now?: () => Date } = {},
): Promise<SyncRound> {
  let sent = 0
  let refused = 0
  for (const { seq, envelope } of await queuedResponses(db)) {
    let answer: ApiAnswer<unknown>
    try {
      answer = await submit(token, envelope)
    } catch {
      // fetch rejects only when no answer came back: offline, DNS, connection reset.
      return { result: 'retry', sent, refused, retryAfterMs: null }
    }
    switch (outcomeOf(answer.status)) {
      case 'stored':
        // "Last successful sync" for the heartbeat: when the server last took a response.
        await removeQueued(db, seq!)
        await setSetting(db, 'lastSyncAt', now().toISOString())
        sent++
        break
      case 'refused': {
        const error = answer.ok ? { code: `http_${answer.status}`, message: '' } : answer.error
        const at = now().toISOString()
        await refuseQueued(db, seq!, { responseId: envelope.id, status: answer.status, ...error, at })
        refused++
        break
      }
      case 'revoked':
        await setSetting(db, 'revoked', { at: now().toISOString(), status: answer.status })
        return { result: 'revoked', sent, refused, status: answer.status }
      case 'retry':
        return { result: 'retry', sent, refused, retryAfterMs: answer.ok ? null : answer.retryAfterMs }
    }
  }
  return { result: 'done', sent, refused }
}
