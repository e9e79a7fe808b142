import type { Language } from '~/i18n/config'
import type { SubmittedAnswers } from '~/responses/answer-values'
import type { KioskDb } from './kiosk-db'

/*
 * The queue of completed responses. A response is stored here before the respondent sees
 * "thank you" and leaves only when the server has acknowledged it (201/200) or refused it for
 * good (moved to the refused list). Order of the queue = order of completion.
 */

/** A kiosk response as POST /api/submissions takes it (app/responses/envelope.ts, docs/decisions/019-kiosk.md). */
export type KioskEnvelope = {
  /** Made with crypto.randomUUID() when the respondent starts: every retry sends the same id. */
  id: string
  versionId: string
  servicePointCode: string
  language: Language
  /** The kiosk form, or 'full' for a short-form response (the server draws its block from the id). */
  form: 'kiosk' | 'full'
  startedAt: string
  /** The device's clock when the respondent finished. */
  completedAt: string
  answers: SubmittedAnswers
}

export type QueuedResponse = { seq?: number; envelope: KioskEnvelope }

/** A response the server refused for good (a 4xx other than 401/403/408/429): never sent again. */
export type RefusedResponse = { responseId: string; status: number; code: string; message: string; at: string }

/** The refused list goes out with every heartbeat: the oldest entries give way beyond this. */
export const MAX_REFUSED_KEPT = 100

/** Stores a completed response (and its completion time, for the minimum interval) in one transaction. */
export async function enqueueResponse(db: KioskDb, envelope: KioskEnvelope): Promise<void> {
  const tx = db.transaction(['queue', 'settings'], 'readwrite')
  await Promise.all([
    tx.objectStore('queue').add({ envelope }),
    tx.objectStore('settings').put(envelope.completedAt, 'lastCompletedAt'),
    tx.done,
  ])
}

/** Every queued response, oldest completion first. */
export async function queuedResponses(db: KioskDb): Promise<QueuedResponse[]> {
  return db.getAll('queue')
}

export type QueueSummary = { length: number; oldestCompletedAt: string | null }

export async function queueSummary(db: KioskDb): Promise<QueueSummary> {
  const tx = db.transaction('queue')
  const [length, first] = await Promise.all([tx.store.count(), tx.store.openCursor(), tx.done])
  return { length, oldestCompletedAt: first?.value.envelope.completedAt ?? null }
}

/** The server has the response: it leaves the queue. */
export async function removeQueued(db: KioskDb, seq: number): Promise<void> {
  await db.delete('queue', seq)
}

/** The server refused the response for good: it moves to the refused list, in one transaction. */
export async function refuseQueued(db: KioskDb, seq: number, refusal: RefusedResponse): Promise<void> {
  const tx = db.transaction(['queue', 'refused'], 'readwrite')
  const refused = tx.objectStore('refused')
  await Promise.all([tx.objectStore('queue').delete(seq), refused.put(refusal)])
  const all = await refused.getAll()
  const excess = all.sort(byTime).slice(0, Math.max(0, all.length - MAX_REFUSED_KEPT))
  await Promise.all([...excess.map((entry) => refused.delete(entry.responseId)), tx.done])
}

/** The refused responses, oldest first. */
export async function refusedResponses(db: KioskDb): Promise<RefusedResponse[]> {
  return (await db.getAll('refused')).sort(byTime)
}

const byTime = (a: RefusedResponse, b: RefusedResponse) => a.at.localeCompare(b.at)
