import { setTimeout as sleep } from 'node:timers/promises'
import { expect, test } from 'vitest'
import { READINESS_DEADLINE_MS } from '~/db/health.server'
import { loader } from '~/routes/readyz'
import { testDatabase } from '../database'

/*
 * GET /readyz with a database that does not answer: another session holds an ACCESS EXCLUSIVE
 * lock on _prisma_migrations, the table readiness reads, for as long as the test wants. On
 * PostgreSQL the readiness query waits for the lock; on PGlite (one connection) it waits for the
 * holder's transaction to end. Either way it is the real wait, not a stand-in.
 */

/** The deadline plus what a busy two-core machine may add to answering. */
const ANSWER_WITHIN_MS = 1_500
/** Longer than any test below holds the lock. */
const HOLD_LOCK_MS = 30_000

async function holdMigrationsTable() {
  const { prisma } = testDatabase()
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  let taken = () => {}
  const lockTaken = new Promise<void>((resolve) => (taken = resolve))
  const holder = prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE _prisma_migrations IN ACCESS EXCLUSIVE MODE`
      taken()
      await released
    },
    { timeout: HOLD_LOCK_MS },
  )
  await Promise.race([lockTaken, holder])
  return async () => {
    release()
    await holder
  }
}

/** GET /readyz, given up on (null) when it has not answered well after the deadline. */
async function probe() {
  const started = performance.now()
  const response = await Promise.race([loader(), sleep(2 * ANSWER_WITHIN_MS).then(() => null)])
  return { response, ms: performance.now() - started }
}

test('a database that does not answer makes /readyz answer 503 not-ready within the deadline', async () => {
  expect(READINESS_DEADLINE_MS).toBeLessThan(ANSWER_WITHIN_MS)
  const release = await holdMigrationsTable()
  try {
    const { response, ms } = await probe()
    expect(response, 'no answer while the lock is held').not.toBeNull()
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS)
    expect(response!.status).toBe(503)
    expect(response!.headers.get('Retry-After')).toBe('2')
    expect(await response!.json()).toEqual({ ready: false, reason: 'database-timeout' })
  } finally {
    await release()
  }
  const { response: after } = await probe()
  expect({ status: after?.status, body: await after?.json() }).toEqual({ status: 200, body: { ready: true } })
})

// PGlite has one connection and no pool: its waiting query simply runs once the lock is gone.
const onPostgres = test.skipIf(process.env.TEST_ENGINE !== 'postgres')

onPostgres('a probe given up on stops waiting for the lock, so probes cannot drain the pool', async () => {
  const { prisma } = testDatabase()
  const release = await holdMigrationsTable()
  try {
    expect((await probe()).response?.status).toBe(503)
    const waiting = async () => {
      const [row] = await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`
      return row!.n
    }
    let left = await waiting()
    for (let i = 0; i < 20 && left > 0; i++) {
      await sleep(100)
      left = await waiting()
    }
    expect(left).toBe(0)
  } finally {
    await release()
  }
})
