import { type ApiAnswer, submitBatch } from './kiosk-api'
import { setSetting, type KioskDb } from './kiosk-db'
import { type KioskEnvelope, queuedResponses, refuseQueued, removeQueued } from './queue'

/*
 * One round of sending the queue (docs/decisions/019-kiosk.md, "Offline answers"): in order of
 * completion, in batches the server accepts, stopping at the first failure that may pass.
 * Sending twice is harmless: the server stores a response id once and answers a replay with 200.
 */

/** The server's MAX_SUBMISSION_BATCH (app/responses/submission-api.server.ts). */
export const MAX_BATCH = 100
/** Below the server's request body limit (64 KiB), with room for the array's punctuation. */
export const MAX_BATCH_BYTES = 48 * 1024

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

/** Sends one batch; one answer per envelope, in order. Rejects when no answer came back. */
export type Submit = (token: string, envelopes: readonly KioskEnvelope[]) => Promise<ApiAnswer<unknown>[]>

/** The queue cut into batches of at most MAX_BATCH responses and MAX_BATCH_BYTES of JSON. */
export function batchesOf<T extends { envelope: KioskEnvelope }>(queued: readonly T[]): T[][] {
  const batches: T[][] = []
  let batch: T[] = []
  let bytes = 0
  for (const entry of queued) {
    const size = JSON.stringify(entry.envelope).length + 1
    if (batch.length > 0 && (batch.length === MAX_BATCH || bytes + size > MAX_BATCH_BYTES)) {
      batches.push(batch)
      batch = []
      bytes = 0
    }
    batch.push(entry)
    bytes += size
  }
  if (batch.length > 0) batches.push(batch)
  return batches
}

/** Sends what is queued now, in order, until the queue is empty or a response can't be sent yet. */
export async function sendQueue(
  db: KioskDb,
  token: string,
  { submit = submitBatch, now = () => new Date() }: { submit?: Submit; now?: () => Date } = {},
): Promise<SyncRound> {
  let sent = 0
  let refused = 0
  for (const batch of batchesOf(await queuedResponses(db))) {
    let answers: ApiAnswer<unknown>[]
    try {
      answers = await submit(
        token,
        batch.map((queued) => queued.envelope),
      )
    } catch {
      // fetch rejects only when no answer came back: offline, DNS, connection reset. What the
      // batch did is unknown; it is sent again, and what was stored is answered 200.
      return { result: 'retry', sent, refused, retryAfterMs: null }
    }
    for (const [at, { seq, envelope }] of batch.entries()) {
      const answer = answers[at]!
      switch (outcomeOf(answer.status)) {
        case 'stored':
          // "Last successful sync" for the heartbeat: when the server last took a response.
          await removeQueued(db, seq!)
          await setSetting(db, 'lastSyncAt', now().toISOString())
          sent++
          break
        case 'refused': {
          const error = answer.ok ? { code: `http_${answer.status}`, message: '' } : answer.error
          const when = now().toISOString()
          await refuseQueued(db, seq!, { responseId: envelope.id, status: answer.status, ...error, at: when })
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
  }
  return { result: 'done', sent, refused }
}
