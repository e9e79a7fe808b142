import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { LOCK_TIMEOUT_MS, POOL_ACQUIRE_TIMEOUT_MS } from '~/db/adapters.server'
import { type AppServer, startAppServer } from '../../scripts/infra/app-server'
import type { Cluster } from '../../scripts/infra/postgres-cluster'
import type { SurveyWorld } from '../../scripts/infra/survey-world'
import { countStored, createFaultWorld, printCounts, runLoad, scaled, send, sendUntilAcknowledged, tally, UNAVAILABLE_ANSWER_MS } from './support'

/*
 * A database that stops answering: another connection holds an ACCESS EXCLUSIVE lock on
 * "Response", so every write and every read of it waits. Submissions answer 503 within their
 * deadline; pages that read the table, more of them than the pool has connections, answer 503
 * with Retry-After within the pool's acquire timeout plus lock_timeout; a page that does not read
 * it still serves; once the lock is released the server serves again.
 */

let cluster: Cluster
let world: SurveyWorld
let server: AppServer

beforeAll(async () => {
  ;({ cluster, world } = await createFaultWorld({ servicePoints: 2 }))
  server = await startAppServer({ databaseUrl: cluster.url() })
})

afterAll(async () => {
  await server?.stop()
  await cluster?.dispose()
})

/**
 * The longest a page may take while the pool is exhausted: a connection within the pool's acquire
 * timeout, then a lock within lock_timeout (app/db/adapters.server.ts), then the answer.
 */
const PAGE_ANSWER_MS = POOL_ACQUIRE_TIMEOUT_MS + LOCK_TIMEOUT_MS + 2_000
/** More readers of the locked table than the pool has connections (10). */
const PAGE_READERS = 16

test('a held lock and an exhausted pool give 503 within the deadlines, and the server serves again once the lock is released', async () => {
  // A server that has served: its caches (the service point, the questionnaire) are warm, as in
  // production; what is measured is the lock, not the first request after a start.
  const warmUp = Array.from({ length: 5 }, () => world.submission(randomUUID()))
  await Promise.all(warmUp.map((submission) => sendUntilAcknowledged(server.origin, submission)))
  const locker = new pg.Client({ connectionString: cluster.url() })
  await locker.connect()
  await locker.query('BEGIN')
  await locker.query('LOCK TABLE "Response" IN ACCESS EXCLUSIVE MODE')

  // More writers than the pool has connections: the first ones wait on the lock, the rest on the pool.
  const blocked = Array.from({ length: scaled(30, 100) }, () => world.submission(randomUUID()))
  const answers = await Promise.all(blocked.map((submission) => send(server.origin, submission)))
  const slowest = Math.max(...answers.map((answer) => answer.ms))

  // Pages that read the locked table (the home page counts responses), more of them than the pool
  // has connections: each an answer within the bounds, 503 with Retry-After, not a hang or a 500.
  const readers = await Promise.all(
    Array.from({ length: PAGE_READERS }, () => timed(() => fetch(`${server.origin}/`, { signal: AbortSignal.timeout(30_000) }))),
  )
  // A page that does not need the locked table still serves.
  const page = await timed(() => fetch(`${server.origin}/s/${world.points[0]!.code}`, { signal: AbortSignal.timeout(30_000) }))
  const ready = await timed(() => fetch(`${server.origin}/readyz`, { signal: AbortSignal.timeout(30_000) }))

  await locker.query('ROLLBACK')
  await locker.end()

  // Released: the same ids again, and more, are acknowledged.
  const load = runLoad(world, { count: scaled(100, 1_000), clients: 8, origin: () => server.origin, deadlineMs: 60_000 })
  const retried = await Promise.all(blocked.map((submission) => send(server.origin, submission)))
  await load.done
  const run = {
    sent: new Set([...warmUp.map((s) => s.id), ...blocked.map((s) => s.id), ...load.sent]),
    acknowledged: new Set([...warmUp.map((s) => s.id), ...blocked.map((s) => s.id).filter((_, i) => retried[i]!.status === 200 || retried[i]!.status === 201), ...load.acknowledged]),
  }
  const counts = await countStored(cluster, run)
  printCounts(
    'held lock on "Response" and an exhausted pool',
    counts,
    `while locked: submissions ${tally(answers)}, slowest ${slowest.toFixed(0)} ms; ${PAGE_READERS} home pages ${readers.map((r) => r.status).join(' ')}, slowest ${Math.max(...readers.map((r) => r.ms)).toFixed(0)} ms; the survey page ${page.status} in ${page.ms.toFixed(0)} ms; /readyz ${ready.status} in ${ready.ms.toFixed(0)} ms; after release ${tally([...retried, ...load.answers])}`,
  )

  expect(answers.filter((answer) => answer.status !== 503 || answer.retryAfter === null)).toEqual([])
  expect(slowest).toBeLessThan(UNAVAILABLE_ANSWER_MS)
  expect(readers.filter((reader) => reader.status !== 503 || reader.retryAfter === null || reader.ms > PAGE_ANSWER_MS)).toEqual([])
  expect(page.status).toBe(200)
  expect(page.ms).toBeLessThan(PAGE_ANSWER_MS)
  expect(ready.ms).toBeLessThan(PAGE_ANSWER_MS)
  expect(retried.every((answer) => answer.status === 201 || answer.status === 200)).toBe(true)
  expect(counts).toMatchObject({ duplicated: 0, lost: 0, unexpected: 0 })
  expect(counts.stored).toBe(counts.sent)
})

async function timed(request: () => Promise<Response>): Promise<{ status: number | 'failed'; ms: number; retryAfter: string | null }> {
  const started = performance.now()
  try {
    const response = await request()
    await response.arrayBuffer()
    return { status: response.status, ms: performance.now() - started, retryAfter: response.headers.get('Retry-After') }
  } catch {
    return { status: 'failed', ms: performance.now() - started, retryAfter: null }
  }
}
