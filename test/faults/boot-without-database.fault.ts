import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type AppServer, startAppServer } from '../../scripts/infra/app-server'
import type { Cluster } from '../../scripts/infra/postgres-cluster'
import { waitFor } from '../../scripts/infra/processes'
import type { SurveyWorld } from '../../scripts/infra/survey-world'
import { createFaultWorld, pause, scaled, send } from './support'

/*
 * The app server started while its database is down: it stays up and says it is not ready, then
 * becomes ready when the database comes up, without a restart; and what it starts at boot (the
 * export queue on pg-boss) starts then too.
 */

let cluster: Cluster
let world: SurveyWorld
let server: AppServer

beforeAll(async () => {
  ;({ cluster, world } = await createFaultWorld({ servicePoints: 1 }))
  await cluster.stop('fast')
})

afterAll(async () => {
  await server?.stop()
  await cluster?.dispose()
})

test('started without its database, the server stays up, not ready, and becomes ready when the database comes up', async () => {
  server = await startAppServer({ databaseUrl: cluster.url(), waitUntil: 'none' })
  const pid = server.process.pid
  await waitFor('the server to answer /healthz', async () => (await fetch(`${server.origin}/healthz`)).ok, { child: server.process })

  const downFor = scaled(3_000, 15_000)
  const probes: number[] = []
  const until = Date.now() + downFor
  while (Date.now() < until) {
    const started = performance.now()
    const response = await fetch(`${server.origin}/readyz`, { signal: AbortSignal.timeout(5_000) })
    await response.arrayBuffer()
    probes.push(response.status)
    expect(performance.now() - started).toBeLessThan(2_000)
    await pause(250)
  }
  expect(new Set(probes)).toEqual(new Set([503]))
  expect((await send(server.origin, world.submission(randomUUID()))).status).toBe(503)

  await cluster.start()
  const upAt = performance.now()
  await waitFor('/readyz to answer 200', async () => (await fetch(`${server.origin}/readyz`)).status === 200, { timeoutMs: 15_000, child: server.process })
  const readyAfterMs = performance.now() - upAt
  expect((await send(server.origin, world.submission(randomUUID()))).status).toBe(201)
  // The export queue started once the database was there: pg-boss made its schema and the queue.
  await waitFor('the export queue to start', async () => (await cluster.query(`SELECT 1 FROM pgboss.queue WHERE name = 'export'`)).length === 1, {
    timeoutMs: 30_000,
  })
  console.log(
    `[faults] started without its database: ${probes.length} readiness probes over ${(downFor / 1000).toFixed(0)} s all 503, ready ${readyAfterMs.toFixed(0)} ms after the database came up, export queue started; same process (PID ${pid}) throughout`,
  )
  expect(server.process.pid).toBe(pid)
  expect(server.process.exitCode).toBeNull()
})
