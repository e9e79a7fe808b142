import { execFileSync } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { postgresAdapterFactory } from '~/db/adapters.server'
import { connect, type Database } from '~/db/connect.server'
import { applyMigrations } from '~/db/migrations.server'

/*
 * The database stops: submissions get 503 with Retry-After within 2 s, never a hang or a 500;
 * once it is back, the same id is stored exactly once. This needs a PostgreSQL server the test
 * may stop, so it makes its own throwaway cluster (initdb, as scripts/test.sh does) instead of
 * touching the shared one. The app's database (`~/db.server`) is pointed at that cluster before
 * any app module loads, hence the dynamic imports.
 */

const onPostgres = process.env.TEST_ENGINE === 'postgres'
const hasInitdb = (() => {
  try {
    execFileSync('initdb', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
const skipReason = !onPostgres
  ? 'PGlite is embedded in the process: it cannot become unreachable'
  : !hasInitdb
    ? 'initdb is not on PATH: no throwaway PostgreSQL cluster can be made'
    : null

const asRoot = process.getuid?.() === 0
/** Runs a PostgreSQL server binary as the postgres user (initdb refuses root). */
function asPostgres(command: string, args: string[]) {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
  execFileSync(file, argv, { stdio: 'ignore' })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

let dir = ''
let data = ''
let database: Database | undefined
const startServer = (port: number) =>
  asPostgres('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log'), '-w', 'start'])
const stopServer = () => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])

describe.skipIf(skipReason !== null)(`when the database is unavailable${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let port = 0
  let app: {
    submitResponse: typeof import('~/responses/submit.server').submitResponse
    action: typeof import('~/routes/api.submissions').action
    factories: typeof import('../factories/submissions')
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sipas-unavailable-'))
    data = join(dir, 'data')
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
      chownSync(dir, uid, gid)
    }
    asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres'])
    port = await freePort()
    startServer(port)
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`
    await applyMigrations(postgresAdapterFactory(url, 1))
    database = connect({ databaseUrl: url, poolSize: 5 })
    globalThis.__sipasDb = database
    app = {
      submitResponse: (await import('~/responses/submit.server')).submitResponse,
      action: (await import('~/routes/api.submissions')).action,
      factories: await import('../factories/submissions'),
    }
    const { prisma } = await import('~/db.server')
    expect(await prisma.$queryRaw<{ port: number }[]>`SELECT current_setting('port')::int AS port`).toEqual([{ port }])
  }, 120_000)

  afterAll(async () => {
    await database?.close()
    if (data) {
      try {
        stopServer()
      } catch {
        // Already stopped by a failed test.
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const web = { channel: 'web', language: 'en' } as const

  async function outcome(run: () => Promise<unknown>) {
    const started = performance.now()
    try {
      const result = await run()
      return { result, ms: performance.now() - started }
    } catch (error) {
      return { error: error as { status?: number; code?: string; params?: Record<string, unknown> }, ms: performance.now() - started }
    }
  }

  test('a submission gets 503 with Retry-After within 2 s; after a restart the same id is stored once', async () => {
    const { createSurveyPoint, envelopeFor } = app.factories
    const point = await createSurveyPoint()
    const fresh = await createSurveyPoint()
    await app.submitResponse(envelopeFor(point), web) // warm: caches, connections
    const body = envelopeFor(point)

    stopServer()
    try {
      // The target is cached: this fails at the write.
      const write = await outcome(() => app.submitResponse(body, web))
      expect(write.error).toMatchObject({ status: 503, code: 'database_unavailable', params: { retryAfterSeconds: 2 } })
      expect(write.ms).toBeLessThan(2_000)
      // An uncached service point: this fails at the campaign lookup.
      const lookup = await outcome(() => app.submitResponse(envelopeFor(fresh), web))
      expect(lookup.error).toMatchObject({ status: 503, code: 'database_unavailable' })
      expect(lookup.ms).toBeLessThan(2_000)
      // Through the HTTP route: the header and the JSON error.
      const started = performance.now()
      const response = await app.action({
        request: new Request('http://localhost/api/submissions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
        context: { clientIp: '192.0.2.50' },
        params: {},
      } as never)
      expect(performance.now() - started).toBeLessThan(2_000)
      expect(response.status).toBe(503)
      expect(response.headers.get('Retry-After')).toBe('2')
      expect(await response.json()).toMatchObject({ error: { code: 'database_unavailable', message: expect.stringContaining('2 giây') } })
    } finally {
      startServer(port)
    }

    // A client retries (as told) until it gets an answer; the first may meet a dead pooled connection.
    let stored = await outcome(() => app.submitResponse(body, web))
    for (let attempt = 0; attempt < 10 && stored.error?.status === 503; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      stored = await outcome(() => app.submitResponse(body, web))
    }
    expect(stored.result).toMatchObject({ status: 201, id: body.id })
    const again = await outcome(() => app.submitResponse(body, web))
    expect(again.result).toMatchObject({ status: 200, id: body.id, receiptId: (stored.result as { receiptId: string }).receiptId })

    const check = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` })
    await check.connect()
    const { rows } = await check.query<{ n: number }>('SELECT count(*)::int AS n FROM "Response" WHERE id = $1', [body.id])
    await check.end()
    expect(rows).toEqual([{ n: 1 }])
  })
})
