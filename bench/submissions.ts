/*
 * `npm run bench:submissions` — how many submissions the JSON API acknowledges per second over
 * HTTP, with one app server and with two behind HAProxy, next to the raw PostgreSQL insert rate
 * for the same rows in the same run; where the CPU goes; and the latency at a fixed rate.
 *
 * - PostgreSQL: a throwaway cluster of its own (scripts/infra/postgres-cluster.ts, Debian's
 *   PostgreSQL 15, fsync and synchronous_commit on), so its CPU can be read apart from anything
 *   else on the machine.
 * - The app: two built production servers (scripts/infra/app-server.ts) and HAProxy in front of
 *   both (scripts/infra/haproxy.ts), as the production topology has them (docs/operations.md).
 * - The load: Debian's wrk with bench/submissions.lua, a fresh v4 UUID per request and a body
 *   from a pool of realistic SIPAS 2023 answers, each with its kiosk's X-Kiosk-Token (the kiosk
 *   path: token lookup, kiosk budget, then the submission); wrk is C and costs the servers little.
 * - Raw PostgreSQL: the rows the API writes for the same submissions (responses with their answer
 *   arrays, comments, rollup-queue rows, into a copy of the queue's table), multi-row INSERTs of RAW_BATCH per
 *   transaction, one connection, into the same cluster.
 * Raw, one server and two servers take turns, ROUNDS times, so each meets the machine
 * at the same speed. After each wrk run the stored rows are checked against the acknowledged ids:
 * every acknowledged id stored, none stored that was not sent. The fixed rate (BENCH_RATE/s for
 * BENCH_RATE_SECONDS) is an open loop from this process (wrk 4.1 has no rate control; its delay()
 * paces each connection after the previous answer, which hides a stall): latency counts from when
 * a request was due, not when it could be sent.
 *
 * Needs the build (`npm run bench:submissions` builds first). Knobs: BENCH_SECONDS (10, per wrk run),
 * BENCH_CONNECTIONS (256), BENCH_SUBMISSIONS (raw rows, 12000), BENCH_RATE (200),
 * BENCH_RATE_SECONDS (15).
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { cpus } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { allItems } from '~/questionnaire/definition'
import type { SubmittedAnswers } from '~/responses/answers'
import { vietnamDay } from '~/responses/vietnam-time'
import { createRandom } from '../prisma/seed/random'
import { type AppServer, startAppServer } from '../scripts/infra/app-server'
import { startHaproxy } from '../scripts/infra/haproxy'
import { createCluster } from '../scripts/infra/postgres-cluster'
import { asPostgres, exited, processCpuMs, scratchDir } from '../scripts/infra/processes'
import { createSurveyWorld, type WorldSubmission } from '../scripts/infra/survey-world'
import { exitedChildrenCpuMs, loadAverage, machineBusyCpuMs, postgresCpuMs } from './support'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 256)
const SUSTAINED = Number(process.env.BENCH_SUBMISSIONS ?? 12_000)
const RATE = Number(process.env.BENCH_RATE ?? 200)
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 15)
const WRK = process.env.WRK ?? '/usr/bin/wrk'
const ROUNDS = 3
const WARM_UP_SECONDS = 3
const SERVICE_POINTS = 50
const RAW_BATCH = 200
const BODY_POOL = 2_000

const started = Date.now()
const loadAtStart = loadAverage()
const cluster = await createCluster({ name: 'sipas-bench-submissions', settings: { max_connections: 300, shared_buffers: '256MB' } })
const databaseUrl = cluster.url()
// However the bench ends (a failure, Ctrl-C, a time limit), the cluster goes with it; the servers,
// HAProxy and wrk are this process's children and go on its exit (scripts/infra/processes.ts).
process.once('exit', () => {
  const [command, args] = asPostgres('pg_ctl', ['-D', cluster.dataDir, '-m', 'immediate', '-w', 'stop'])
  spawnSync(command, args, { stdio: 'ignore' })
  rmSync(dirname(cluster.dataDir), { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))
const progress = (what: string) => console.error(`[bench/submissions ${new Date().toISOString().slice(11, 19)}] ${what}`)
// Migrated, SERVICE_POINTS service points each with an enrolled kiosk, SIPAS 2023 running today.
const world = await createSurveyWorld(databaseUrl, { servicePoints: SERVICE_POINTS })
const { versionId, campaignId } = world
const { db } = await import('~/db.server')
const { KIOSK_TOKEN_HEADER } = await import('~/auth/kiosk-token')
const { FOLD_DELAY_MS, foldPendingRollups, settleRollupFolds } = await import('~/aggregation/rollup-fold.server')

// ── The submissions: realistic answers (every shown item, some "don't know", 8 % with a comment).
const random = createRandom(5_000)
const batchOf = (n: number) => Array.from({ length: n }, () => world.submission(random.uuid()))
const rawShare = batchOf(SUSTAINED)
const pool = batchOf(BODY_POOL)
const answerRows = (answers: SubmittedAnswers) =>
  Object.values(answers).reduce<number>((n, value) => n + (typeof value === 'string' ? 0 : Array.isArray(value) ? value.length : 1), 0)
const meanAnswers = pool.reduce((n, s) => n + answerRows(s.envelope.answers), 0) / pool.length
const commentShare = pool.filter((s) => Object.values(s.envelope.answers).some((v) => typeof v === 'string')).length / pool.length
const meanBytes = pool.reduce((n, s) => n + Buffer.byteLength(s.body), 0) / pool.length

// wrk's body pool: each body split around its id, which the script replaces by a fresh one.
const scratch = scratchDir('sipas-bench-wrk')
const bodiesFile = join(scratch, 'bodies.lua')
writeFileSync(
  bodiesFile,
  `return {\n${pool
    .map((s) => {
      const [before, after] = s.body.split(s.id)
      return `{[==[${before}]==], [==[${after}]==], '${s.point.token}'}`
    })
    .join(',\n')}\n}\n`
)

// ── Two production servers and HAProxy in front of both.
const servers = [await startAppServer({ databaseUrl }), await startAppServer({ databaseUrl })]
const balancer = await startHaproxy(servers.map((server, i) => ({ name: `app${i + 1}`, origin: server.origin })))

// ── wrk runs: statuses, CPU of every process taking part, and the stored rows checked.
type Setup = 'one server' | 'two servers behind HAProxy'
type CpuShare = { name: string; ms: number }
type WrkRun = {
  seconds: number
  sent: number
  responses: number
  acknowledged: number
  statuses: Record<string, number>
  errors: Record<string, number>
  latencyUs: { p50: number; p90: number; p99: number; max: number }
  cpu: CpuShare[]
  machineBusyMs: number
  /** Wall time from before wrk started until its submissions' folds were done: what the CPU was read over. */
  windowSeconds: number
  stored: number
  missing: number
  unsent: number
  duplicated: number
}
async function runWrk(setup: Setup, seconds: number): Promise<WrkRun> {
  progress(`wrk, ${setup}, ${seconds} s`)
  const target = setup === 'one server' ? servers[0]!.origin : balancer.origin
  const used = setup === 'one server' ? servers.slice(0, 1) : servers
  const nonce = randomBytes(4).toString('hex')
  const out = join(scratch, `wrk-${nonce}.json`)
  const before = cpuNow(used)
  const wrk = spawn(
    WRK,
    ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '10s', '-s', 'bench/submissions.lua', target],
    { env: { ...process.env, BENCH_WRK_BODIES: bodiesFile, BENCH_WRK_NONCE: nonce, BENCH_WRK_OUT: out }, stdio: ['ignore', 'ignore', 'inherit'] }
  )
  await exited(wrk)
  if (wrk.exitCode !== 0) throw new Error(`wrk exited with ${wrk.exitCode ?? wrk.signalCode}`)
  const wrkCpuMs = exitedChildrenCpuMs() - before.children
  // The servers' folds of these submissions run FOLD_DELAY_MS after the last write: theirs too.
  await new Promise((resolve) => setTimeout(resolve, FOLD_DELAY_MS + 1_000))
  const after = cpuNow(used)
  const result = JSON.parse(readFileSync(out, 'utf8')) as Omit<WrkRun, 'seconds' | 'acknowledged' | 'cpu' | 'machineBusyMs' | 'windowSeconds' | 'stored' | 'missing' | 'unsent' | 'duplicated'> & { durationUs: number }
  const ackedIds = readFileSync(`${out}.ids`, 'utf8').split('\n').filter(Boolean)
  // Every id of this run starts with its nonce (bench/submissions.lua).
  const storedIds = new Set(
    (await cluster.query<{ id: string }>(`SELECT id::text FROM "Response" WHERE id BETWEEN $1::uuid AND $2::uuid`, [
      `${nonce}-0000-0000-0000-000000000000`,
      `${nonce}-ffff-ffff-ffff-ffffffffffff`,
    ])).map((row) => row.id)
  )
  const acked = new Set(ackedIds)
  return {
    ...result,
    seconds: result.durationUs / 1e6,
    acknowledged: ackedIds.length,
    cpu: [
      ...used.map((server, i) => ({ name: `app server ${i + 1}`, ms: after.servers[i]! - before.servers[i]! })),
      ...(setup === 'one server' ? [] : [{ name: 'HAProxy', ms: after.haproxy - before.haproxy }]),
      { name: 'PostgreSQL', ms: after.postgres - before.postgres },
      { name: 'wrk', ms: wrkCpuMs },
      { name: 'this bench process', ms: after.own - before.own },
    ],
    machineBusyMs: after.machine - before.machine,
    windowSeconds: (after.at - before.at) / 1000,
    stored: storedIds.size,
    missing: ackedIds.filter((id) => !storedIds.has(id)).length,
    // Stored but never acknowledged is fine for a request wrk had in flight when it stopped (its
    // client would retry); stored but never sent would be a fault.
    unsent: [...storedIds].filter((id) => !acked.has(id)).length,
    duplicated: ackedIds.length - acked.size,
  }
}
function cpuNow(used: AppServer[]) {
  return {
    servers: used.map((server) => server.cpuMs()),
    haproxy: processCpuMs(balancer.process.pid!),
    postgres: postgresCpuMs(cluster.dataDir),
    children: exitedChildrenCpuMs(),
    own: ownCpuMs(),
    machine: machineBusyCpuMs(),
    at: performance.now(),
  }
}
function ownCpuMs() {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** Every fold done (the servers' and any left over): each run is measured with the folds it caused, and none sees the raw rows. */
async function quiesce() {
  await settleRollupFolds()
  await new Promise((resolve) => setTimeout(resolve, FOLD_DELAY_MS + 500))
  await foldPendingRollups()
}

// ── Warm-up (not counted): each server's JIT and pools, then the rounds.
progress('warm-up')
await runWrk('one server', WARM_UP_SECONDS)
await runWrk('two servers behind HAProxy', WARM_UP_SECONDS)

const raw = new pg.Client({ connectionString: databaseUrl })
await raw.connect()
await raw.query('CREATE TABLE bench_pending_rollup (LIKE "PendingRollup" INCLUDING ALL)')
const perRound = Math.ceil(SUSTAINED / ROUNDS)
const rounds: { rawRate: number; one: WrkRun; two: WrkRun; load: string }[] = []
for (let round = 0; round < ROUNDS; round++) {
  const slice = (list: WorldSubmission[]) => list.slice(round * perRound, (round + 1) * perRound)
  await quiesce()
  progress(`round ${round + 1}: raw inserts`)
  const rawStarted = performance.now()
  const rawRows = slice(rawShare)
  for (let i = 0; i < rawRows.length; i += RAW_BATCH) await insertRaw(rawRows.slice(i, i + RAW_BATCH))
  const rawRate = rawRows.length / ((performance.now() - rawStarted) / 1000)

  const one = await runWrk('one server', SECONDS)
  const two = await runWrk('two servers behind HAProxy', SECONDS)
  rounds.push({ rawRate, one, two, load: loadAverage() })
}
await raw.end()

// ── A fixed rate, open loop, through one server and through the balancer.
async function fixedRate(origin: string) {
  await quiesce()
  progress(`fixed rate through ${origin}`)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const paced = batchOf(RATE * RATE_SECONDS)
  const latencies: number[] = []
  const refused = new Map<number, number>()
  const startedAt = performance.now()
  const inFlight: Promise<void>[] = []
  for (const [i, submission] of paced.entries()) {
    const due = startedAt + (i * 1000) / RATE
    const wait = due - performance.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    inFlight.push(
      post(`${origin}/api/submissions`, submission, agent).then((status) => {
        if (status === 201) latencies.push(performance.now() - due)
        else refused.set(status, (refused.get(status) ?? 0) + 1)
      })
    )
  }
  await Promise.all(inFlight)
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN
  return { acknowledged: latencies.length, refused, p50: percentile(50), p99: percentile(99), max: latencies.at(-1) ?? NaN }
}
function post(url: string, submission: WorldSubmission, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(submission.body),
          [KIOSK_TOKEN_HEADER]: submission.point.token,
        },
      },
      (response) => {
        response.resume()
        response.once('end', () => resolve(response.statusCode!))
        response.once('error', reject)
      }
    )
    request.once('error', reject)
    request.end(submission.body)
  })
}
const pacedOne = await fixedRate(servers[0]!.origin)
const pacedTwo = await fixedRate(balancer.origin)

// ── Everything stored once, rollups equal to the rows.
await balancer.stop()
for (const server of servers) await server.stop()
await foldPendingRollups()
const [check] = await cluster.query<{ stored: number; rolled: number; raw: number }>(
  `SELECT (SELECT count(*)::int FROM "Response" WHERE "campaignId" = $1 AND "bodyHash" <> 'raw') AS stored,
     (SELECT count(*)::int FROM "Response" WHERE "bodyHash" = 'raw') AS raw,
     (SELECT coalesce(sum(n), 0)::int FROM "ResponseRollup" WHERE "versionId" = $2) AS rolled`,
  [campaignId, versionId]
)
const [{ server_version: serverVersion }] = (await cluster.query<{ server_version: string }>('SHOW server_version')) as [{ server_version: string }]
const commit = await gitCommit()

// ── The report.
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const meanRaw = sum(rounds.map((r) => r.rawRate)) / ROUNDS
function wrkReport(setup: Setup, pick: (r: (typeof rounds)[number]) => WrkRun) {
  const runs = rounds.map(pick)
  const acknowledged = sum(runs.map((r) => r.acknowledged))
  const seconds = sum(runs.map((r) => r.seconds))
  const rate = acknowledged / seconds
  const ratios = rounds.map((r) => pick(r).acknowledged / pick(r).seconds / r.rawRate)
  const statusTotals = new Map<string, number>()
  for (const run of runs) for (const [status, n] of Object.entries(run.statuses)) statusTotals.set(status, (statusTotals.get(status) ?? 0) + n)
  const non2xx = [...statusTotals].filter(([status]) => !status.startsWith('2')).reduce((n, [, count]) => n + count, 0)
  const errors = new Map<string, number>()
  for (const run of runs) for (const [kind, n] of Object.entries(run.errors)) errors.set(kind, (errors.get(kind) ?? 0) + n)
  const window = sum(runs.map((r) => r.windowSeconds))
  const cpuNames = runs[0]!.cpu.map((c) => c.name)
  const cpuLines = cpuNames.map((name) => {
    const ms = sum(runs.map((r) => r.cpu.find((c) => c.name === name)!.ms))
    return `${name} ${fmt(ms / acknowledged, 3)} ms (${fmt((100 * ms) / 1000 / window)} % of a core)`
  })
  const ours = sum(runs.flatMap((r) => r.cpu.map((c) => c.ms)))
  const machine = sum(runs.map((r) => r.machineBusyMs))
  const check = {
    stored: sum(runs.map((r) => r.stored)),
    missing: sum(runs.map((r) => r.missing)),
    unsent: sum(runs.map((r) => r.unsent)),
    duplicated: sum(runs.map((r) => r.duplicated)),
    inFlight: sum(runs.map((r) => r.sent - r.responses)),
  }
  return `wrk, ${setup} (${CONNECTIONS} connections, 1 thread, ${SECONDS} s per round):
  ${fmt(acknowledged)} acknowledged in ${fmt(seconds, 1)} s = ${fmt(rate)} acknowledged/s = ${fmt(rate / meanRaw, 2)} × raw (per round ${ratios.map((r) => fmt(r, 2)).join(', ')})
  statuses: ${[...statusTotals].map(([status, n]) => `${status} × ${fmt(n)}`).join(', ')}; non-2xx ${fmt(non2xx)}; socket errors ${[...errors].map(([kind, n]) => `${kind} ${n}`).join(', ')}
  latency at saturation (wrk, from send): p50 ${fmt(runs[0]!.latencyUs.p50 / 1000, 1)} ms, p99 ${fmt(Math.max(...runs.map((r) => r.latencyUs.p99)) / 1000, 1)} ms (worst round)
  CPU per acknowledged submission, folds included (and share of a core over the ${fmt(window, 1)} s read): ${cpuLines.join('; ')}
  all of these ${fmt(ours / acknowledged, 3)} ms; the whole machine was busy ${fmt(machine / 1000 / window, 2)} of 2 cores, ${fmt(Math.max(0, machine - ours) / 1000 / window, 2)} of them with other work
  check: ${fmt(check.stored)} stored = ${fmt(acknowledged)} acknowledged + ${fmt(check.unsent)} in flight when wrk stopped (≤ ${fmt(check.inFlight)} sent without an answer); acknowledged but not stored ${fmt(check.missing)}; acknowledged twice ${fmt(check.duplicated)}`
}
const pacedLine = (name: string, paced: Awaited<ReturnType<typeof fixedRate>>) =>
  `  ${name}: ${fmt(paced.acknowledged)} acknowledged; p50 ${fmt(paced.p50, 1)} ms, p99 ${fmt(paced.p99, 1)} ms, max ${fmt(paced.max, 1)} ms${
    paced.refused.size ? `; refused ${[...paced.refused].map(([status, n]) => `${status} × ${n}`).join(', ')}` : ''
  }`
const wrkRuns = rounds.flatMap((r) => [r.one, r.two])
const inFlightTotal = sum(wrkRuns.map((r) => r.unsent))
const lost = sum(wrkRuns.map((r) => r.missing)) + sum(wrkRuns.map((r) => r.duplicated))
console.log(`bench/submissions — ${new Date().toISOString()}, commit ${commit}
Machine: ${cpus().length} cores, Node ${process.version}, PostgreSQL ${serverVersion} (a cluster of its own, fsync and synchronous_commit on), ${WRK} 4.1, HAProxy 2.6.
Load average (1, 5, 15 min): ${loadAtStart} at the start; after each round ${rounds.map((r) => r.load).join(' | ')}.
Workload: SIPAS 2023 (${allItems(world.definition).length} items), campaign running today; kiosk path: each request carries one of ${SERVICE_POINTS} kiosks' tokens.
Data size: ${fmt(meanAnswers, 1)} coded answers per response, ${fmt(commentShare * 100, 1)} % with a comment, ${fmt(meanBytes)} bytes per body (pool of ${fmt(BODY_POOL)} bodies, a fresh id each request).
Raw, one server and two servers take turns in ${ROUNDS} rounds.

Raw PostgreSQL insert, same rows (multi-row INSERT, ${RAW_BATCH} responses per transaction, 1 connection; responses with their answer arrays, comments, rollup-queue rows):
  ${fmt(meanRaw)} responses/s (per round ${rounds.map((r) => fmt(r.rawRate)).join(', ')})
${wrkReport('one server', (r) => r.one)}
${wrkReport('two servers behind HAProxy', (r) => r.two)}
Fixed ${RATE}/s for ${RATE_SECONDS} s, open loop from this process (latency from when each request was due):
${pacedLine('one server', pacedOne)}
${pacedLine('two servers behind HAProxy', pacedTwo)}
Check: ${fmt(check!.stored)} responses stored through the API, ResponseRollup n = ${fmt(check!.rolled)}; ${fmt(check!.raw)} raw rows; acknowledged lost or doubled: ${lost}; stored from requests in flight when wrk stopped: ${inFlightTotal}.
Total bench time ${fmt((Date.now() - started) / 1000)} s.`)

await db.close()
process.exit(lost === 0 && check!.rolled === check!.stored ? 0 : 1)

/** The rows the API would write for `batch`, with fresh ids, as plain multi-row INSERTs. */
async function insertRaw(batch: WorldSubmission[]) {
  const responses: unknown[][] = []
  const comments: unknown[][] = []
  const day = vietnamDay(new Date())
  for (const submission of batch) {
    const id = random.uuid()
    const answerItemIds: number[] = []
    const answerValues: number[] = []
    for (const [code, value] of Object.entries(submission.envelope.answers)) {
      if (typeof value === 'string') comments.push([id, code, value])
      else
        for (const coded of [value].flat()) {
          answerItemIds.push(world.itemIds.get(code)!)
          answerValues.push(coded)
        }
    }
    responses.push([
      id,
      `RAW-${id}`,
      'raw',
      versionId,
      campaignId,
      submission.point.id,
      submission.point.agencyId,
      world.provinceId,
      'kiosk',
      'vi',
      day,
      null,
      300,
      0,
      1,
      null,
      answerItemIds,
      answerValues,
    ])
  }
  await raw.query('BEGIN')
  await insertValues(
    '"Response" (id, "receiptId", "bodyHash", "versionId", "campaignId", "servicePointId", "agencyId", "provinceId", channel, language, "submittedOn", "submittedAt", "durationSeconds", flags, weight, "kioskId", "answerItemIds", "answerValues")',
    responses
  )
  if (comments.length) await insertValues('"Comment" ("responseId", "itemCode", text)', comments)
  // The rollup queue's rows go to a copy of its table: a server still answering wrk's last requests
  // folds the queue, and raw rows must not reach the rollups the check compares with the API's rows.
  await insertValues(
    'bench_pending_rollup ("responseId")',
    responses.map((row) => [row[0]])
  )
  await raw.query('COMMIT')
}

async function insertValues(target: string, rows: unknown[][]) {
  const width = rows[0]!.length
  // PostgreSQL takes at most 65,535 parameters per statement.
  const perStatement = Math.floor(65_535 / width)
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement)
    const placeholders = chunk.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`)
    await raw.query(`INSERT INTO ${target} VALUES ${placeholders.join(', ')}`, chunk.flat())
  }
}

async function gitCommit(): Promise<string> {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT
  const git = spawn('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
  let out = ''
  git.stdout.on('data', (chunk: Buffer) => (out += chunk))
  await exited(git)
  return out.trim() || 'unknown (not a git checkout)'
}
