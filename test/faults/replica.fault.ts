import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { KIOSK_TOKEN_HEADER } from '~/auth/kiosk-token'
import { type AppServer, startAppServer } from '../../scripts/infra/app-server'
import { type Cluster, createCluster, createStandby } from '../../scripts/infra/postgres-cluster'
import { createSurveyWorld, type SurveyWorld } from '../../scripts/infra/survey-world'
import { pause, scaled, send } from './support'

/*
 * The read replica (docs/decisions/024-read-replica.md) on a real hot standby made by
 * pg_basebackup and fed by streaming replication. First in this process (the app modules on the
 * primary with the standby as DATABASE_REPLICA_URL): where read-only units read, that a figure
 * read right after a submission includes it, and the fallback to the primary when replay is
 * paused or the standby is stopped. Then over HTTP: the built server under a load of page and
 * read-API reads while the standby is stopped and started again; every answer must be 200.
 */

let primary: Cluster
let standby: Cluster
let world: SurveyWorld
const year = new Date().getUTCFullYear()

beforeAll(async () => {
  primary = await createCluster({ name: 'sipas-replica' })
  standby = await createStandby(primary)
  // Read by ~/env.server when the world loads ~/db.server: this process's app reads the standby.
  process.env.DATABASE_REPLICA_URL = standby.url()
  world = await createSurveyWorld(primary.url(), { servicePoints: 3 })
})

afterAll(async () => {
  await world?.close()
  await standby?.dispose()
  await primary?.dispose()
})

const app = async () => ({
  ...(await import('~/aggregation/figure-reads.server')),
  ...(await import('~/aggregation/figures.server')),
  ...(await import('~/aggregation/period')),
  ...(await import('~/db/replica.server')),
  ...(await import('~/ranking/rankings.server')),
  ...(await import('~/responses/submission-api.server')),
})

/** Stores one submission through the submission API's handler (this process, the primary); returns its service point. */
async function submit(): Promise<string> {
  const { answerSubmissionApi } = await app()
  const submission = world.submission(randomUUID())
  const headers: Record<string, string> = { 'content-type': 'application/json', [KIOSK_TOKEN_HEADER.toLowerCase()]: submission.point.token }
  const answer = await answerSubmissionApi({
    method: 'POST',
    url: 'http://127.0.0.1/api/submissions',
    header: (name) => headers[name.toLowerCase()] ?? null,
    readBody: async () => submission.body,
  })
  expect(answer.status, answer.body).toBe(201)
  return submission.point.id
}

type FigureRead = { onStandby: boolean; respondents: number; ms: number }

/** One read-only unit: where it read, and a service point's respondents this year (kept and excluded). */
async function readFigure(servicePointId: string): Promise<FigureRead> {
  const { readFigures, reader, unitFigures, yearPeriod } = await app()
  const started = performance.now()
  const read = await readFigures(async () => {
    const [server] = await reader().$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`
    const rows = await unitFigures({ period: yearPeriod(year), level: 'servicePoint', ids: [servicePointId] }, { minN: 0 })
    return { onStandby: server!.standby, respondents: rows.reduce((sum, row) => sum + row.figures.n + row.excluded, 0) }
  })
  return { ...read, ms: performance.now() - started }
}

/** Reads until a unit reads the standby again (after its rest); how long that took. */
async function untilBackOnStandby(servicePointId: string): Promise<number> {
  const { REPLICA_REST_MS } = await app()
  const started = performance.now()
  while (!(await readFigure(servicePointId)).onStandby) {
    if (performance.now() - started > REPLICA_REST_MS + 30_000) throw new Error('reads did not go back to the standby')
    await pause(100)
  }
  return performance.now() - started
}

const ms = (values: number[]) => `median ${median(values).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

describe('read-only units in this process', () => {
  test('read the standby once it has replayed the primary; a figure read right after a submission includes it', async () => {
    const reads: FigureRead[] = []
    for (let i = 0; i < 20; i++) {
      const servicePointId = await submit()
      const before = await primaryRespondents(servicePointId)
      const read = await readFigure(servicePointId)
      reads.push(read)
      // The submission was acknowledged before the read began: the standby's figure has it.
      expect(read).toMatchObject({ onStandby: true, respondents: before })
    }
    const lag = await standby.query<{ ms: number | null }>(
      `SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000 AS ms`,
    )
    console.log(`[faults] replica: 20 submissions each read back at once, all from the standby; unit ${ms(reads.map((read) => read.ms))}; standby replay ${Number(lag[0]?.ms ?? 0).toFixed(0)} ms behind its last commit`)
  })

  test('inside a unit a ranking reads through reader(), the standby; outside one reader() is the primary', async () => {
    const { getRanking, readFigures, reader } = await app()
    const servers = await readFigures(async () => {
      await getRanking({ year, index: 'SIPAS', peerGroup: 'servicePoints', provinceId: world.provinceId })
      const [row] = await reader().$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`
      return row!.standby
    })
    expect(servers).toBe(true)
    // Outside a unit, reader() is the primary.
    const [outside] = await reader().$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`
    expect(outside!.standby).toBe(false)
  })

  test('with replay paused, reads go to the primary within the catch-up bound and include the submission; then back to the standby', async () => {
    const { REPLICA_CATCH_UP_MS } = await app()
    await standby.query('SELECT pg_wal_replay_pause()')
    try {
      const servicePointId = await submit()
      const expected = await primaryRespondents(servicePointId)
      const first = await readFigure(servicePointId)
      expect(first).toMatchObject({ onStandby: false, respondents: expected })
      // Waited for the standby at most the bound (plus the unit's own reads).
      expect(first.ms).toBeLessThan(REPLICA_CATCH_UP_MS + 1_000)
      // Resting: the next unit does not wait for the standby again.
      const second = await readFigure(servicePointId)
      expect(second.onStandby).toBe(false)
      expect(second.ms).toBeLessThan(first.ms)
      console.log(`[faults] replica: replay paused → first read from the primary after ${first.ms.toFixed(0)} ms (bound ${REPLICA_CATCH_UP_MS} ms), the next in ${second.ms.toFixed(0)} ms`)
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()')
    }
    const back = await untilBackOnStandby(world.points[0]!.id)
    console.log(`[faults] replica: replay resumed → reads back on the standby after ${back.toFixed(0)} ms`)
  })

  test('the standby stopped mid-load: every read answers, from the primary, and goes back to the standby once it is up', async () => {
    const reads: (FigureRead & { at: number })[] = []
    const failures: unknown[] = []
    let running = true
    const worker = async (index: number) => {
      const servicePointId = world.points[index % world.points.length]!.id
      while (running) {
        try {
          const at = performance.now()
          reads.push({ ...(await readFigure(servicePointId)), at })
        } catch (error) {
          failures.push(error)
        }
      }
    }
    const workers = Array.from({ length: 4 }, (_, index) => worker(index))
    await pause(1_000)
    await standby.stop('immediate')
    const stoppedAt = performance.now()
    await pause(scaled(3_000, 10_000))
    const startedAt = performance.now()
    await standby.start()
    const back = await untilBackOnStandby(world.points[0]!.id)
    await pause(500)
    running = false
    await Promise.all(workers)

    // Reads begun and ended while the standby was down (it was still shutting down before stoppedAt).
    const during = reads.filter((read) => read.at > stoppedAt && read.at + read.ms < startedAt)
    const after = reads.filter((read) => read.at > startedAt + back)
    console.log(
      `[faults] replica stopped mid-load (in process): ${reads.length + failures.length} reads, ${reads.length} fine, ${failures.length} failed; ` +
        `while stopped ${during.length} reads, all from the primary: ${during.every((read) => !read.onStandby)}, ${ms(during.map((read) => read.ms))}; ` +
        `back on the standby ${(back / 1000).toFixed(1)} s after it started`,
    )
    expect(failures).toEqual([])
    expect(during.length).toBeGreaterThan(0)
    expect(during.filter((read) => read.onStandby)).toEqual([])
    expect(after.some((read) => read.onStandby)).toBe(true)
  })
})

describe('over HTTP', () => {
  let server: AppServer
  const tokens: { token: string; uses: number }[] = []
  /** The read API allows 60 requests a minute per token (docs/decisions/021-read-api.md); stay under it. */
  const TOKEN_USES = 50

  beforeAll(async () => {
    const { createApiToken } = await import('~/read-api/tokens.server')
    const { createUser } = await import('../factories/accounts')
    const admin = await createUser({ role: 'ministry_admin' })
    for (let i = 0; i < 40; i++) {
      const issued = await createApiToken({ name: `replica ${i}`, provinceId: null, expiresAt: new Date(Date.now() + 86_400_000) }, admin.id)
      tokens.push({ token: issued.token, uses: 0 })
    }
    server = await startAppServer({ databaseUrl: primary.url(), env: { DATABASE_REPLICA_URL: standby.url() } })
  })

  afterAll(async () => {
    await server?.stop()
  })

  test('the replica stopped mid-load: every ranking page and read API answer is 200, and reads return to the replica', async () => {
    type Read = { kind: 'page' | 'api' | 'submission'; status: number | 'failed'; ms: number; at: number }
    const answers: Read[] = []
    let running = true
    const get = async (kind: Read['kind'], path: string, headers: Record<string, string> = {}) => {
      const started = performance.now()
      try {
        const response = await fetch(`${server.origin}${path}`, { headers, signal: AbortSignal.timeout(30_000) })
        await response.arrayBuffer()
        answers.push({ kind, status: response.status, ms: performance.now() - started, at: started })
      } catch {
        answers.push({ kind, status: 'failed', ms: performance.now() - started, at: started })
      }
    }
    const reader = async (index: number) => {
      while (running) {
        const token = [...tokens].sort((a, b) => a.uses - b.uses)[0]!
        if (index % 2 === 1 && token.uses < TOKEN_USES) {
          token.uses++
          await get('api', `/api/v1/indices?period=${year}&level=servicePoint`, { Authorization: `Bearer ${token.token}` })
        } else {
          await get('page', `/rankings?year=${year}&index=SIPAS&group=servicePoints&province=${world.provinceId}`)
        }
      }
    }
    // Submissions keep arriving, so the standby always has WAL to replay.
    const submitter = async () => {
      while (running) {
        const answer = await send(server.origin, world.submission(randomUUID()))
        answers.push({ kind: 'submission', status: answer.status, ms: answer.ms, at: answer.sentAt })
        await pause(50)
      }
    }
    const standbyTransactions = async () =>
      Number((await standby.query<{ n: string }>(`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = 'postgres'`))[0]!.n)

    const clients = [...Array.from({ length: 4 }, (_, index) => reader(index)), submitter()]
    // A cold server's first pages take seconds: measure once it answers.
    while (answers.filter((answer) => answer.kind !== 'submission' && answer.status === 200).length < 8) await pause(100)
    const servedAtWarm = await standbyTransactions()
    await pause(3_000)
    const servedBefore = (await standbyTransactions()) - servedAtWarm
    await standby.stop('immediate')
    const stoppedAt = performance.now()
    await pause(scaled(6_000, 15_000))
    const startedAt = performance.now()
    await standby.start()
    const servedAfterStart = await standbyTransactions()
    await pause(8_000)
    const servedLater = await standbyTransactions()
    running = false
    await Promise.all(clients)

    const reads = answers.filter((answer) => answer.kind !== 'submission')
    // Sent while the standby was down (answered then or later).
    const whileStopped = reads.filter((answer) => answer.at > stoppedAt && answer.at < startedAt)
    const fine = reads.filter((answer) => answer.status === 200)
    const tallied = (list: Read[], kind: Read['kind']) => list.filter((answer) => answer.kind === kind).length
    console.log(
      `[faults] replica stopped mid-load (HTTP): sent ${reads.length} reads (${tallied(reads, 'page')} ranking pages, ${tallied(reads, 'api')} read API), ` +
        `${fine.length} answered 200, ${ms(reads.map((answer) => answer.ms))}; sent while stopped ${whileStopped.length} reads, ${whileStopped.filter((answer) => answer.status === 200).length} answered 200, ${ms(whileStopped.map((answer) => answer.ms))}; ` +
        `${answers.length - reads.length} submissions alongside; standby transactions: ${servedBefore} in the 3 s before the stop, ` +
        `${servedLater - servedAfterStart} in the 8 s after it started again`,
    )
    expect(reads.filter((answer) => answer.status !== 200)).toEqual([])
    expect(whileStopped.length).toBeGreaterThan(0)
    // The standby served the reads before, and serves them again once its rest is over.
    expect(servedBefore).toBeGreaterThan(5)
    expect(servedLater - servedAfterStart).toBeGreaterThan(5)
  })
})

/** A service point's respondents this year as the primary has them (raw rows: the truth to compare with). */
async function primaryRespondents(servicePointId: string): Promise<number> {
  const [row] = await primary.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Response" WHERE "servicePointId" = $1 AND extract(year FROM "submittedOn") = $2`,
    [servicePointId, year],
  )
  return row!.n
}
