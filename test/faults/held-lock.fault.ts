import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type AppServer, startAppServer } from '../../scripts/infra/app-server'
import type { Cluster } from '../../scripts/infra/postgres-cluster'
import type { SurveyWorld } from '../../scripts/infra/survey-world'
import { countStored, createFaultWorld, printCounts, runLoad, scaled, send, tally, UNAVAILABLE_ANSWER_MS } from './support'

/*
 * A database that stops answering: another connection holds an ACCESS EXCLUSIVE lock on
 * "Response", so every write waits, and the waiting writes take every connection of the app's
 * pool. Answers must come within the submission deadline (503) and the pool's bounds (pages),
 * not never; once the lock is released the server serves again.
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

/** The longest a page may wait for a connection of an exhausted pool, plus time to answer. */
const PAGE_ANSWER_MS = 8_000

test('a held lock and an exhausted pool give 503 within the deadlines, and the server serves again once the lock is released', async () => {
  const locker = new pg.Client({ connectionString: cluster.url() })
  await locker.connect()
  await locker.query('BEGIN')
  await locker.query('LOCK TABLE "Response" IN ACCESS EXCLUSIVE MODE')

  // More writers than the pool has connections: the first ones wait on the lock, the rest on the pool.
  const blocked = Array.from({ length: scaled(30, 100) }, () => world.submission(randomUUID()))
  const answers = await Promise.all(blocked.map((submission) => send(server.origin, submission)))
  const slowest = Math.max(...answers.map((answer) => answer.ms))

  // A page that needs the database, asked while the pool is taken: an answer, not a hang.
  const page = await timed(() => fetch(`${server.origin}/s/${world.points[0]!.code}`, { signal: AbortSignal.timeout(30_000) }))
  const ready = await timed(() => fetch(`${server.origin}/readyz`, { signal: AbortSignal.timeout(30_000) }))

  await locker.query('ROLLBACK')
  await locker.end()

  // Released: the same ids again, and more, are acknowledged.
  const load = runLoad(world, { count: scaled(100, 1_000), clients: 8, origin: () => server.origin, deadlineMs: 60_000 })
  const retried = await Promise.all(blocked.map((submission) => send(server.origin, submission)))
  await load.done
  const run = {
    sent: new Set([...blocked.map((s) => s.id), ...load.sent]),
    acknowledged: new Set([...blocked.map((s) => s.id).filter((_, i) => retried[i]!.status === 200 || retried[i]!.status === 201), ...load.acknowledged]),
  }
  const counts = await countStored(cluster, run)
  printCounts(
    'held lock on "Response" and an exhausted pool',
    counts,
    `while locked: submissions ${tally(answers)}, slowest ${slowest.toFixed(0)} ms; a page ${page.status} in ${page.ms.toFixed(0)} ms; /readyz ${ready.status} in ${ready.ms.toFixed(0)} ms; after release ${tally([...retried, ...load.answers])}`,
  )

  expect(answers.filter((answer) => answer.status !== 503 || answer.retryAfter === null)).toEqual([])
  expect(slowest).toBeLessThan(UNAVAILABLE_ANSWER_MS)
  expect(page.ms).toBeLessThan(PAGE_ANSWER_MS)
  expect(page.status).toBe(503)
  expect(ready.status).toBe(503)
  expect(retried.every((answer) => answer.status === 201 || answer.status === 200)).toBe(true)
  expect(counts).toMatchObject({ duplicated: 0, lost: 0, unexpected: 0 })
  expect(counts.stored).toBe(counts.sent)
})

async function timed(request: () => Promise<Response>): Promise<{ status: number | 'failed'; ms: number }> {
  const started = performance.now()
  try {
    const response = await request()
    await response.arrayBuffer()
    return { status: response.status, ms: performance.now() - started }
  } catch {
    return { status: 'failed', ms: performance.now() - started }
  }
}
