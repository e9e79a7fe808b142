import pg from 'pg'
import { beforeAll, expect, test } from 'vitest'
import { db, prisma } from '~/db.server'
import { runAlone } from '~/db/advisory-lock.server'
import { type Survey, createSurvey, storeUniformResponses } from '../../test/factories/survey'
import { verifyRollups } from './recompute.server'
import { FOLD_DELAY_MS, foldPendingRollups, scheduleRollupFold, settleRollupFolds } from './rollup-fold.server'

/*
 * The rollup fold with several app servers on one PostgreSQL (docs/decisions/023-several-app-servers.md):
 * the background fold runs on one server at a time, and a fold cut off half-way by its server's
 * death leaves every response to be counted exactly once by the next.
 */
const postgres = db.engine === 'postgres'

let survey: Survey
beforeAll(async () => {
  survey = await createSurvey({ provinces: 1, agencies: 1, servicePoints: 2, versions: ['sipas-2023'] })
})

const store = (count: number) => storeUniformResponses(survey, count, 4)

const respondents = async () => {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT coalesce(sum(n), 0)::int AS n FROM "ResponseRollup"`
  return row!.n
}

async function adminClient() {
  const client = new pg.Client({ connectionString: db.serverUrl! })
  await client.connect()
  return client
}

test('a job runs alone: while one server holds its lock another skips it; on PGlite it just runs', async () => {
  let release: () => void = () => {}
  const first = runAlone('maintenance', () => new Promise<string>((resolve) => (release = () => resolve('first'))))
  await new Promise((resolve) => setTimeout(resolve, 50))
  const second = await runAlone('maintenance', async () => 'second')
  expect(second).toEqual(postgres ? { ran: false } : { ran: true, value: 'second' })
  release()
  expect(await first).toEqual({ ran: true, value: 'first' })
  expect(await runAlone('maintenance', async () => 'third')).toEqual({ ran: true, value: 'third' })
})

test.runIf(postgres)('the background fold waits while another server folds, then folds what is left', async () => {
  await foldPendingRollups()
  const other = await adminClient()
  try {
    await other.query(`SELECT pg_advisory_lock(hashtextextended('sipas:rollup-fold', 0))`)
    await store(4)
    scheduleRollupFold()
    await new Promise((resolve) => setTimeout(resolve, FOLD_DELAY_MS + 300))
    expect(await prisma.pendingRollup.count()).toBe(4)
    await other.query(`SELECT pg_advisory_unlock(hashtextextended('sipas:rollup-fold', 0))`)
    await expect.poll(() => prisma.pendingRollup.count(), { timeout: 3 * FOLD_DELAY_MS + 2_000, interval: 50 }).toBe(0)
  } finally {
    await other.end()
    await settleRollupFolds()
  }
})

test.runIf(postgres)('a fold whose server dies mid-transaction is rolled back whole; the next counts every response once', async () => {
  await foldPendingRollups()
  const before = await respondents()
  await store(7)
  const blocker = await adminClient()
  // Another connection looks: within a transaction pg_stat_activity is one snapshot.
  const watcher = await adminClient()
  try {
    // The fold deletes its queue rows, then waits on the rollup table this transaction holds.
    await blocker.query('BEGIN')
    await blocker.query('LOCK TABLE "ResponseRollup" IN ACCESS EXCLUSIVE MODE')
    const folding = foldPendingRollups().then(
      () => 'finished',
      () => 'failed',
    )
    const blockerPid = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid
    let pid: number | undefined
    await expect
      .poll(
        async () => {
          const { rows } = await watcher.query<{ pid: number }>(
            'SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
            [blockerPid],
          )
          pid = rows[0]?.pid
          return pid
        },
        { timeout: 10_000, interval: 20 },
      )
      .toBeDefined()
    // Its queue rows are gone inside its transaction, not yet for anyone else.
    expect(await prisma.pendingRollup.count()).toBe(7)
    await watcher.query('SELECT pg_terminate_backend($1)', [pid])
    await blocker.query('ROLLBACK')
    expect(await folding).toBe('failed')
  } finally {
    await blocker.end()
    await watcher.end()
  }
  expect(await prisma.pendingRollup.count()).toBe(7)
  expect(await respondents()).toBe(before)
  expect(await foldPendingRollups()).toBe(7)
  expect(await respondents()).toBe(before + 7)
  expect(await verifyRollups()).toMatchObject({ ok: true, differences: 0 })
})
