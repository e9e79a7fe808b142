import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type AppServer, startAppServer } from '../../scripts/infra/app-server'
import { type Balancer, startHaproxy } from '../../scripts/infra/haproxy'
import type { Cluster } from '../../scripts/infra/postgres-cluster'
import type { SurveyWorld } from '../../scripts/infra/survey-world'
import { countStored, createFaultWorld, pause, printCounts, runLoad, scaled, sendUntilAcknowledged, storedIds, tally } from './support'

/*
 * Two app servers behind HAProxy on one PostgreSQL cluster (the production topology,
 * docs/operations.md): the submission contract's race over both servers, and one server killed
 * (SIGKILL) in the middle of concurrent submissions.
 */

let cluster: Cluster
let world: SurveyWorld
const servers: AppServer[] = []
let balancer: Balancer

beforeAll(async () => {
  ;({ cluster, world } = await createFaultWorld())
  servers.push(...(await Promise.all([startAppServer({ databaseUrl: cluster.url() }), startAppServer({ databaseUrl: cluster.url() })])))
  balancer = await startHaproxy(servers.map((server, i) => ({ name: `app${i + 1}`, origin: server.origin })))
})

afterAll(async () => {
  await balancer?.stop()
  await Promise.all(servers.map((server) => server.stop()))
  await cluster?.dispose()
})

test('50 identical submissions split over both servers at once are stored once: 201 once, 200 for the rest', async () => {
  // Warm: a server's first submission loads the version and the kiosk, which may pass the deadline on a busy machine.
  for (const server of servers) await sendUntilAcknowledged(server.origin, world.submission(randomUUID()))
  const submission = world.submission(randomUUID())
  // A client told 503 sends the same body again, as the contract asks.
  const answers = (await Promise.all(Array.from({ length: 50 }, (_, i) => sendUntilAcknowledged(servers[i % 2]!.origin, submission)))).flat()
  const final = answers.filter((answer) => answer.status === 200 || answer.status === 201)
  const [row] = await cluster.query<{ n: number }>('SELECT count(*)::int AS n FROM "Response" WHERE id = $1', [submission.id])
  console.log(`[faults] race over two servers: sent 50 / acknowledged ${final.length} / stored ${row!.n} / duplicated ${Math.max(0, row!.n - 1)}; answers ${tally(answers)}`)

  expect(row!.n).toBe(1)
  expect(final).toHaveLength(50)
  // A 503 whose write committed after the deadline makes its retry a 200: then no 201 at all.
  const created = final.filter((answer) => answer.status === 201).length
  expect(created).toBe(answers.length === final.length ? 1 : created)
  expect(created).toBeLessThanOrEqual(1)
  // Every acknowledgement carries the one receipt.
  expect(new Set(final.map((answer) => ('body' in answer ? JSON.parse(answer.body).receiptId : null))).size).toBe(1)
})

test('kill -9 of one server mid-load: every acknowledged submission stored once, every sent one stored', async () => {
  const count = scaled(400, 4_000)
  const earlier = await storedIds(cluster)
  const load = runLoad(world, { count, clients: scaled(16, 48), origin: () => balancer.origin, deadlineMs: scaled(90_000, 300_000) })
  await load.acknowledgedAtLeast(Math.floor(count / 3))
  const victim = servers[0]!
  const killedPid = victim.process.pid
  await victim.kill()
  const killedAt = load.acknowledged.size
  await load.done

  const counts = await countStored(cluster, load, earlier)
  printCounts('kill -9 of one of two servers', counts, `killed after ${killedAt} acknowledged; answers ${tally(load.answers)}`)
  expect(counts).toMatchObject({ acknowledged: count, stored: count, duplicated: 0, lost: 0, unexpected: 0 })

  // The killed server comes back on its port; HAProxy takes it in again and both serve.
  servers[0] = await startAppServer({ databaseUrl: cluster.url(), port: victim.port })
  expect(servers[0].process.pid).not.toBe(killedPid)
  for (const server of servers) await sendUntilAcknowledged(server.origin, world.submission(randomUUID()))
  // Up after two good health checks 500 ms apart: then the balancer's round robin reaches both.
  const servedBy = new Set<string>()
  const deadline = Date.now() + 10_000
  while (servedBy.size < 2 && Date.now() < deadline) {
    const response = await fetch(`${balancer.origin}/healthz`)
    await response.arrayBuffer()
    servedBy.add(response.headers.get('X-Served-By') ?? 'unknown')
    await pause(100)
  }
  expect([...servedBy].sort()).toEqual(['app1', 'app2'])
})
