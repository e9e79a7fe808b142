import { afterAll, beforeAll, expect, test } from 'vitest'
import { type AppServer, startAppServer } from '../../scripts/infra/app-server'
import type { Cluster } from '../../scripts/infra/postgres-cluster'
import type { SurveyWorld } from '../../scripts/infra/survey-world'
import { type Answer, countStored, createFaultWorld, pause, printCounts, runLoad, scaled, tally, UNAVAILABLE_ANSWER_MS } from './support'

/*
 * PostgreSQL stopped immediately (pg_ctl -m immediate: a crash, recovery at the next start) in
 * the middle of concurrent submissions, then started again; the app server is not restarted.
 */

let cluster: Cluster
let world: SurveyWorld
let server: AppServer

beforeAll(async () => {
  ;({ cluster, world } = await createFaultWorld())
  server = await startAppServer({ databaseUrl: cluster.url() })
})

afterAll(async () => {
  await server?.stop()
  await cluster?.dispose()
})

test('while PostgreSQL is down every answer is 503 with Retry-After within 2 s; after it restarts nothing is lost or stored twice', async () => {
  const count = scaled(400, 4_000)
  const downForMs = scaled(3_000, 10_000)
  const load = runLoad(world, { count, clients: scaled(16, 48), origin: () => server.origin, deadlineMs: scaled(90_000, 300_000) })
  await load.acknowledgedAtLeast(Math.floor(count / 3))
  await cluster.stop('immediate')
  const downAt = performance.now()
  await pause(downForMs)
  const upAt = performance.now()
  await cluster.start()
  await load.done

  // Answers to requests sent once the server was gone and answered before it was started again.
  const whileDown = load.answers.filter((answer) => answer.sentAt >= downAt && answer.sentAt + answer.ms <= upAt)
  const slowest = Math.max(...load.answers.map((answer) => answer.ms))
  const slowestWhileDown = Math.max(...whileDown.map((answer) => answer.ms))
  const counts = await countStored(cluster, load)
  printCounts(
    'PostgreSQL stopped immediately mid-load',
    counts,
    `down ${(downForMs / 1000).toFixed(0)} s: ${tally(whileDown)}, slowest ${slowestWhileDown.toFixed(0)} ms; whole run ${tally(load.answers)}, slowest ${slowest.toFixed(0)} ms`,
  )

  expect(whileDown.length).toBeGreaterThan(0)
  expect(whileDown.filter((answer) => !isUnavailable(answer))).toEqual([])
  expect(slowest).toBeLessThan(UNAVAILABLE_ANSWER_MS)
  expect(load.answers.filter((answer) => answer.status === 500 || answer.status === 'failed')).toEqual([])
  expect(counts).toMatchObject({ acknowledged: count, stored: count, duplicated: 0, lost: 0, unexpected: 0 })
  // Recovered without a restart: the same process answered throughout.
  expect(server.process.exitCode).toBeNull()
  expect(server.process.signalCode).toBeNull()
})

function isUnavailable(answer: Answer) {
  return answer.status === 503 && answer.retryAfter !== null && Number(answer.retryAfter) > 0
}
