import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { ApiAnswer } from './kiosk-api'
import { getSetting, type KioskDb, openKioskDb } from './kiosk-db'
import { enqueueResponse, type KioskEnvelope, MAX_REFUSED_KEPT, queuedResponses, queueSummary, refusedResponses, refuseQueued } from './queue'
import {
  batchesOf,
  MAX_BATCH,
  MAX_BATCH_BYTES,
  outcomeOf,
  retryDelayMs,
  sendQueue,
  SYNC_RETRY_BASE_MS,
  SYNC_RETRY_MAX_MS,
  type Submit,
} from './sync'

// IndexedDB as the W3C tests define it (fake-indexeddb): the queue code runs as in the browser.
let db: KioskDb
let name: string
let counter = 0

beforeEach(async () => {
  name = `kiosk-test-${++counter}`
  db = await openKioskDb(name)
})
afterEach(() => db.close())

function envelope(n: number): KioskEnvelope {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    versionId: 'v1',
    servicePointCode: '31TP',
    language: 'vi',
    form: 'kiosk',
    startedAt: `2026-03-02T08:0${n}:00.000Z`,
    completedAt: `2026-03-02T08:0${n}:30.000Z`,
    answers: { 'screen.received_result': 1, 'svc.general': 4 },
  }
}

const ok = (status = 201): ApiAnswer<unknown> => ({ ok: true, status, body: { id: 'x', receiptId: 'R' } })
const refusal = (status: number, code: string, retryAfterMs: number | null = null): ApiAnswer<unknown> => ({
  ok: false,
  status,
  error: { code, message: `message for ${code}` },
  retryAfterMs,
})

/**
 * A server that answers from a script, one answer per envelope, recording every envelope sent.
 * 'network' loses the whole request; a 401, 403 or 429 refuses the whole request, as the real
 * server does before it reads the envelopes.
 */
function server(...answers: (ApiAnswer<unknown> | 'network')[]) {
  const sent: string[] = []
  const requests: number[] = []
  const submit: Submit = async (token, envelopes) => {
    expect(token).toBe('device-token')
    sent.push(...envelopes.map((sentEnvelope) => sentEnvelope.id))
    requests.push(envelopes.length)
    const replies: ApiAnswer<unknown>[] = []
    for (let at = 0; at < envelopes.length; at++) {
      const answer = answers.shift() ?? ok()
      if (answer === 'network') throw new TypeError('Failed to fetch')
      if ([401, 403, 429].includes(answer.status)) return envelopes.map(() => answer)
      replies.push(answer)
    }
    return replies
  }
  return { submit, sent, requests }
}

const ids = async () => (await queuedResponses(db)).map((queued) => queued.envelope.id)
const now = () => new Date('2026-03-02T09:00:00.000Z')

describe('the queue', () => {
  test('keeps completed responses in completion order, across closing and reopening the database', async () => {
    for (const n of [1, 2, 3]) await enqueueResponse(db, envelope(n))
    db.close()
    db = await openKioskDb(name)
    expect(await ids()).toEqual([envelope(1).id, envelope(2).id, envelope(3).id])
    expect(await queueSummary(db)).toEqual({ length: 3, oldestCompletedAt: envelope(1).completedAt })
    expect(await getSetting(db, 'lastCompletedAt')).toBe(envelope(3).completedAt)
  })

  test('refuses the same response id twice', async () => {
    await enqueueResponse(db, envelope(1))
    await expect(enqueueResponse(db, envelope(1))).rejects.toThrow()
    expect(await ids()).toEqual([envelope(1).id])
  })

  test('keeps only the latest refusals', async () => {
    for (let n = 0; n < MAX_REFUSED_KEPT + 5; n++) {
      const at = new Date(Date.UTC(2026, 2, 2, 8, 0, n)).toISOString()
      await refuseQueued(db, 999_999, { responseId: `r${n}`, status: 422, code: 'x', message: '', at })
    }
    const refused = await refusedResponses(db)
    expect(refused).toHaveLength(MAX_REFUSED_KEPT)
    expect(refused[0]!.responseId).toBe('r5')
  })
})

describe('sending the queue', () => {
  test('sends in completion order, in one batch, and forgets what the server took', async () => {
    for (const n of [1, 2, 3]) await enqueueResponse(db, envelope(n))
    const { submit, sent, requests } = server(ok(201), ok(200), ok(201))
    expect(await sendQueue(db, 'device-token', { submit, now })).toEqual({ result: 'done', sent: 3, refused: 0 })
    expect(sent).toEqual([envelope(1).id, envelope(2).id, envelope(3).id])
    expect(requests).toEqual([3])
    expect(await ids()).toEqual([])
    expect(await getSetting(db, 'lastSyncAt')).toBe(now().toISOString())
  })

  test('a network failure keeps the whole batch: what it did is unknown until it is sent again', async () => {
    for (const n of [1, 2, 3]) await enqueueResponse(db, envelope(n))
    const { submit, sent } = server(ok(), 'network')
    expect(await sendQueue(db, 'device-token', { submit, now })).toEqual({ result: 'retry', sent: 0, refused: 0, retryAfterMs: null })
    expect(sent).toEqual([envelope(1).id, envelope(2).id, envelope(3).id])
    expect(await ids()).toEqual([envelope(1).id, envelope(2).id, envelope(3).id])
  })

  test('a long queue goes in batches of at most MAX_BATCH responses and MAX_BATCH_BYTES', async () => {
    const queued = Array.from({ length: 250 }, (_, n) => ({ envelope: { ...envelope(1), id: String(n) } }))
    expect(batchesOf(queued).map((batch) => batch.length)).toEqual([MAX_BATCH, MAX_BATCH, 50])
    const long = { ...envelope(1), answers: { 'comment.suggestions': 'x'.repeat(20_000) } }
    const big = Array.from({ length: 5 }, (_, n) => ({ envelope: { ...long, id: String(n) } }))
    const sizes = batchesOf(big).map((batch) => batch.reduce((bytes, entry) => bytes + JSON.stringify(entry.envelope).length, 0))
    expect(sizes.every((bytes) => bytes <= MAX_BATCH_BYTES)).toBe(true)
    expect(batchesOf(big).flat()).toEqual(big)
  })

  test.each([408, 429, 500, 502, 503])('stops at a %i and tries the same response again next round', async (status) => {
    for (const n of [1, 2]) await enqueueResponse(db, envelope(n))
    const first = server(refusal(status, 'busy', 30_000))
    expect(await sendQueue(db, 'device-token', { submit: first.submit, now })).toEqual({
      result: 'retry',
      sent: 0,
      refused: 0,
      retryAfterMs: 30_000,
    })
    expect(first.sent).toEqual([envelope(1).id, envelope(2).id])
    const second = server(ok(), ok())
    expect((await sendQueue(db, 'device-token', { submit: second.submit, now })).result).toBe('done')
    expect(second.sent).toEqual([envelope(1).id, envelope(2).id])
    expect(await refusedResponses(db)).toEqual([])
  })

  test.each([401, 403])('a %i means the device is no longer enrolled: sending stops, the queue stays', async (status) => {
    for (const n of [1, 2]) await enqueueResponse(db, envelope(n))
    const { submit, sent } = server(refusal(status, status === 401 ? 'invalid_kiosk_token' : 'kiosk_revoked'))
    expect(await sendQueue(db, 'device-token', { submit, now })).toEqual({ result: 'revoked', sent: 0, refused: 0, status })
    expect(sent).toHaveLength(2)
    expect(await ids()).toEqual([envelope(1).id, envelope(2).id])
    expect(await getSetting(db, 'revoked')).toEqual({ at: now().toISOString(), status })
  })

  test('another 4xx moves the response to the refused list, never to be sent again, and goes on', async () => {
    for (const n of [1, 2, 3]) await enqueueResponse(db, envelope(n))
    const { submit, sent } = server(ok(), refusal(422, 'completed_at_out_of_range'), ok())
    expect(await sendQueue(db, 'device-token', { submit, now })).toEqual({ result: 'done', sent: 2, refused: 1 })
    expect(sent).toEqual([envelope(1).id, envelope(2).id, envelope(3).id])
    expect(await refusedResponses(db)).toEqual([
      {
        responseId: envelope(2).id,
        status: 422,
        code: 'completed_at_out_of_range',
        message: 'message for completed_at_out_of_range',
        at: now().toISOString(),
      },
    ])
    const again = server()
    await enqueueResponse(db, envelope(4))
    await sendQueue(db, 'device-token', { submit: again.submit, now })
    expect(again.sent).toEqual([envelope(4).id])
  })

  test('an acknowledgement lost on the way back means sending again; the replay is answered 200 and forgotten', async () => {
    await enqueueResponse(db, envelope(1))
    const lost = server('network')
    expect((await sendQueue(db, 'device-token', { submit: lost.submit, now })).result).toBe('retry')
    const replay = server(ok(200))
    expect((await sendQueue(db, 'device-token', { submit: replay.submit, now })).result).toBe('done')
    expect([...lost.sent, ...replay.sent]).toEqual([envelope(1).id, envelope(1).id])
    expect(await ids()).toEqual([])
  })

  test('an empty queue sends nothing', async () => {
    const { submit, sent } = server()
    expect(await sendQueue(db, 'device-token', { submit, now })).toEqual({ result: 'done', sent: 0, refused: 0 })
    expect(sent).toEqual([])
    expect(await getSetting(db, 'lastSyncAt')).toBeUndefined()
  })
})

describe('what a status means', () => {
  test.each([
    [201, 'stored'],
    [200, 'stored'],
    [401, 'revoked'],
    [403, 'revoked'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [302, 'retry'],
    [400, 'refused'],
    [404, 'refused'],
    [409, 'refused'],
    [413, 'refused'],
    [422, 'refused'],
  ])('%i → %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome)
  })
})

describe('waiting after failures', () => {
  test('grows exponentially from the base step, with jitter between half and all of the step', () => {
    expect(retryDelayMs(1, () => 0)).toBe(SYNC_RETRY_BASE_MS / 2)
    expect(retryDelayMs(1, () => 1)).toBe(SYNC_RETRY_BASE_MS)
    expect(retryDelayMs(2, () => 1)).toBe(2 * SYNC_RETRY_BASE_MS)
    expect(retryDelayMs(3, () => 0.5)).toBe(3 * SYNC_RETRY_BASE_MS)
  })

  test('never waits longer than the ceiling', () => {
    for (const failures of [10, 20, 100]) {
      expect(retryDelayMs(failures, () => 1)).toBe(SYNC_RETRY_MAX_MS)
      expect(retryDelayMs(failures, () => 0)).toBe(SYNC_RETRY_MAX_MS / 2)
    }
  })
})
