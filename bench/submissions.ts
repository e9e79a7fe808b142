/*
 * `npm run bench:submissions` — how many submissions the JSON API acknowledges per second, next
 * to the raw PostgreSQL insert rate for the same rows, and the latency at a fixed rate.
 *
 * Two ways, both the production code path:
 * - over HTTP: the built production server (`node build/server.js`, started here as a child process
 *   on a free port) answered by CLIENTS keep-alive connections from this process. This is what
 *   kiosks get, and it pays for loopback TCP, HTTP parsing and this load generator on the same
 *   2 cores.
 * - in process: answerSubmissionApi (the function the server's handler and the Remix route both
 *   call, ADR 015) called directly by CLIENTS concurrent callers: the submission's own cost,
 *   without sockets.
 * Each covers kiosk token lookup, rate limit, JSON parsing, validation, quality flags, group
 * commit, one statement per batch and the background folds into the rollups (ADR 012), on a real
 * PostgreSQL server. Raw insert, in-process and HTTP take turns (three rounds, each on its own
 * third of the submissions), so all see the machine at the same speed.
 *
 * Needs the build (`npm run bench:submissions` builds first). Database: DATABASE_URL if set
 * (migrated, then used as is), otherwise a fresh database created on BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5439/postgres) and dropped at the end.
 * Knobs: BENCH_SUBMISSIONS (20000), BENCH_CLIENTS (256), BENCH_RATE (200/s), BENCH_RATE_SECONDS (15);
 * BENCH_KEEP=1 keeps the fresh database (its name is printed) to look into.
 */
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { postgresAdapterFactory } from '~/db/adapters.server'
import { applyMigrations } from '~/db/migrations.server'
import { visibleItems } from '~/questionnaire/conditions'
import { allItems, type Definition, SCALE_KINDS } from '~/questionnaire/definition'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { codedAnswers, type SubmittedAnswers } from '~/responses/answers'
import { vietnamDay } from '~/responses/vietnam-time'
import { createRandom, type Random } from '../prisma/seed/random'
import { benchDatabase, startProductionServer } from './support'

const SUSTAINED = Number(process.env.BENCH_SUBMISSIONS ?? 20_000)
// Sustained throughput is measured at saturation. With 64 callers most of them sat in the batch
// being committed and the process idled ~29 % of the time: that measured the callers, not the server.
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 256)
const RATE = Number(process.env.BENCH_RATE ?? 200)
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 15)
const WARM_UP = 1_000
const ROUNDS = 3
const SERVICE_POINTS = 50
const RAW_BATCH = 200
const COMMENT_SHARE = 0.08
const COMMENTS = [
  'Cán bộ hướng dẫn tận tình, chu đáo.',
  'Thời gian chờ đợi còn lâu, cần thêm quầy tiếp nhận.',
  'Nên bổ sung ghế ngồi và nước uống cho người dân. Liên hệ 0912 345 678.',
  'Thủ tục rõ ràng, trả kết quả đúng hẹn.',
]

const started = Date.now()
const { url: databaseUrl, drop: dropDatabase } = await benchDatabase('sipas_bench')
await applyMigrations(postgresAdapterFactory(databaseUrl, 1))

// App modules read DATABASE_URL when first loaded, so they come after it is set.
const { db, prisma } = await import('~/db.server')
const { KIOSK_TOKEN_HEADER } = await import('~/auth/kiosk-token')
const { createCampaign } = await import('~/questionnaire/campaigns.server')
const { createDraft, createQuestionnaire, getPublishedVersion, publishVersion } = await import(
  '~/questionnaire/versions.server'
)
const { answerSubmissionApi } = await import('~/responses/submission-api.server')
// As the server does at start-up: stored submissions are folded in the background.
const { wireModules } = await import('~/wiring.server')
wireModules()
const { createAgency, createProvince, createServicePoint } = await import('../test/factories/units')
const { createEnrolledKiosk } = await import('../test/factories/kiosks')

// ── Minimal world: one province, 50 service points each with a kiosk, SIPAS 2023 running today.
const province = await createProvince()
const points: { id: string; code: string; token: string }[] = []
for (let i = 0; i < SERVICE_POINTS; i++) {
  const servicePoint = await createServicePoint(await createAgency({ provinceId: province.id }))
  const kiosk = await createEnrolledKiosk({ name: `Ki-ốt ${i + 1}`, servicePointId: servicePoint.id })
  points.push({ id: servicePoint.id, code: servicePoint.code, token: kiosk.token })
}
const { questionnaireId } = await createQuestionnaire({
  slug: `bench-${randomBytes(4).toString('hex')}`,
  title: 'SIPAS',
  titleEn: 'SIPAS',
})
const { versionId } = await createDraft({ questionnaireId, definition: sipas2023, methodologyCode: 'sipas-2023' })
await publishVersion(versionId)
const version = (await getPublishedVersion(versionId))!
const today = new Date(`${vietnamDay(new Date())}T00:00:00Z`)
const { campaignId } = await createCampaign({
  name: 'Bench',
  nameEn: 'Bench',
  startsOn: new Date(today.getTime() - 30 * 86_400_000),
  endsOn: new Date(today.getTime() + 30 * 86_400_000),
  versionId,
  servicePointIds: points.map((point) => point.id),
})

// ── The submissions: realistic answers (every shown item, some "don't know", 8 % with a comment).
const random = createRandom(5_000)
type Submission = { point: (typeof points)[number]; body: string; envelope: { id: string; answers: SubmittedAnswers } }
function makeSubmission(): Submission {
  const point = random.pick(points)
  const envelope = {
    id: random.uuid(),
    versionId,
    servicePointCode: point.code,
    language: random.next() < 0.92 ? 'vi' : 'en',
    startedAt: new Date(Date.now() - random.int(180, 900) * 1000).toISOString(),
    answers: answer(random, version.definition),
  }
  return { point, body: JSON.stringify(envelope), envelope }
}
// Each way gets submissions of its own (their own ids): the same id twice would be a replay.
const total = 2 * (WARM_UP + SUSTAINED) + RATE * RATE_SECONDS
const batchOf = (n: number) => Array.from({ length: n }, makeSubmission)
const warmUp = { inProcess: batchOf(WARM_UP), http: batchOf(WARM_UP) }
const sustained = { inProcess: batchOf(SUSTAINED), http: batchOf(SUSTAINED) }
const paced = batchOf(RATE * RATE_SECONDS)
const answerRows = (answers: SubmittedAnswers) =>
  Object.values(answers).reduce<number>(
    (n, value) => n + (typeof value === 'string' ? 0 : Array.isArray(value) ? value.length : 1),
    0
  )
const meanAnswers = sustained.http.reduce((n, s) => n + answerRows(s.envelope.answers), 0) / SUSTAINED
const commentShare =
  sustained.http.filter((s) => Object.values(s.envelope.answers).some((v) => typeof v === 'string')).length / SUSTAINED
const meanBytes = sustained.http.reduce((n, s) => n + Buffer.byteLength(s.body), 0) / SUSTAINED

// ── Raw PostgreSQL (below): the same rows (fresh ids), multi-row INSERTs, RAW_BATCH responses per transaction.
const itemIds = new Map(version.items.map((item) => [item.code, item.id]))
const agencyOf = new Map(
  (
    await prisma.servicePoint.findMany({
      where: { id: { in: points.map((p) => p.id) } },
      select: { id: true, agencyId: true },
    })
  ).map((row) => [row.id, row.agencyId])
)
// ── The production server, on a free port, against the same database.
const server = await startProductionServer(databaseUrl)
const apiUrl = `${server.origin}/api/submissions`

// ── The two ways in, warmed up, then sustained with CLIENTS concurrent clients, then a fixed rate.
const statuses = new Map<string, number>()
const count = (way: string, status: number) =>
  statuses.set(`${status} (${way})`, (statuses.get(`${status} (${way})`) ?? 0) + 1)
// A fresh pool of keep-alive connections for each HTTP phase: a connection left idle past the
// server's keep-alive timeout (5 s) may be closed just as it is reused ("socket hang up").
let agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS })
function freshConnections() {
  agent.destroy()
  agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS })
}
function sendHttp(submission: Submission): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      apiUrl,
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
        response.resume() // the receipt is not needed, only that it came
        response.once('end', () => {
          count('HTTP', response.statusCode!)
          resolve(response.statusCode!)
        })
        response.once('error', reject)
      }
    )
    request.once('error', reject)
    request.end(submission.body)
  })
}
async function sendInProcess(submission: Submission): Promise<number> {
  const answer = await answerSubmissionApi({
    method: 'POST',
    url: '/api/submissions',
    header: (name) =>
      name === 'Content-Type' ? 'application/json' : name === KIOSK_TOKEN_HEADER ? submission.point.token : null,
    clientIp: '10.0.0.1',
    readBody: async () => submission.body,
  })
  count('in process', answer.status)
  return answer.status
}
/**
 * `clients` loops sending as fast as they are answered. Like a real kiosk, a client that gets 503
 * sends the same submission again later (here: after the rest of the queue); its retry is
 * acknowledged with 201, or 200 when the first attempt had committed after all.
 */
async function runClients(queue: Submission[], clients: number, send: (submission: Submission) => Promise<number>) {
  const pending = [...queue]
  let acknowledged = 0
  let retried = 0
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let submission = pending.shift(); submission; submission = pending.shift()) {
        const status = await send(submission)
        if (status === 201 || status === 200) acknowledged++
        else if (status === 503) {
          retried++
          pending.push(submission)
        } else throw new Error(`Unexpected status ${status}`)
      }
    })
  )
  return { acknowledged, retried }
}
await runClients(warmUp.inProcess, CLIENTS, sendInProcess)
await runClients(warmUp.http, CLIENTS, sendHttp)

// ── Raw, in process and HTTP in turn, ROUNDS times, each on its share of the submissions: this
// machine's speed drifts by ±20 % within minutes, and the ratios should compare like with like.
const { FOLD_DELAY_MS, foldPendingRollups, settleRollupFolds } = await import('~/aggregation/rollup-fold.server')
const raw = new pg.Client({ connectionString: databaseUrl })
await raw.connect()
type Way = {
  seconds: number
  acknowledged: number
  retried: number
  cpuMs: number
  ownCpuMs: number
  ownBusySeconds: number
  ratios: number[]
}
const way = (): Way => ({
  seconds: 0,
  acknowledged: 0,
  retried: 0,
  cpuMs: 0,
  ownCpuMs: 0,
  ownBusySeconds: 0,
  ratios: [],
})
const inProcess = way()
const overHttp = way()
let rawSeconds = 0
const perRound = Math.ceil(SUSTAINED / ROUNDS)
/** `answeringCpuMs`: CPU time so far of the process that answers (this one in process, the server over HTTP). */
async function measure(
  into: Way,
  share: Submission[],
  send: (s: Submission) => Promise<number>,
  answeringCpuMs: () => number,
  rawRate: number
) {
  await quiesce()
  const started = performance.now()
  const cpu = answeringCpuMs()
  const own = ownCpuMs()
  const loop = performance.eventLoopUtilization()
  const clients = await runClients(share, CLIENTS, send)
  const seconds = (performance.now() - started) / 1000
  into.seconds += seconds
  into.acknowledged += clients.acknowledged
  into.retried += clients.retried
  into.cpuMs += answeringCpuMs() - cpu
  into.ownCpuMs += ownCpuMs() - own
  into.ownBusySeconds += performance.eventLoopUtilization(loop).active / 1000
  into.ratios.push(clients.acknowledged / seconds / rawRate)
}
/**
 * Every fold done, ours and the server's (which runs FOLD_DELAY_MS after its last write): each
 * way is measured with the folds it caused, and no fold ever sees the raw rows.
 */
async function quiesce() {
  await settleRollupFolds()
  await new Promise((resolve) => setTimeout(resolve, FOLD_DELAY_MS + 500))
  await foldPendingRollups()
}
function ownCpuMs() {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
for (let round = 0; round < ROUNDS; round++) {
  const slice = (list: Submission[]) => list.slice(round * perRound, (round + 1) * perRound)
  // Nothing left to fold: the raw rows never reach the rollups or anybody's folds.
  await quiesce()
  const rawStarted = performance.now()
  const rawShare = slice(sustained.inProcess)
  for (let i = 0; i < rawShare.length; i += RAW_BATCH) await insertRaw(rawShare.slice(i, i + RAW_BATCH))
  const rawRound = (performance.now() - rawStarted) / 1000
  rawSeconds += rawRound
  await raw.query('DELETE FROM "PendingRollup"')
  const rawRate = rawShare.length / rawRound

  await measure(inProcess, slice(sustained.inProcess), sendInProcess, ownCpuMs, rawRate)
  freshConnections()
  await measure(overHttp, slice(sustained.http), sendHttp, server.cpuMs, rawRate)
}
await raw.end()

// The last background folds finish first: the fixed rate is measured on its own.
await quiesce()
freshConnections()
const latencies: number[] = []
let pacedRefused = 0
const pacedStarted = performance.now()
const inFlight: Promise<void>[] = []
for (const [i, submission] of paced.entries()) {
  const due = pacedStarted + (i * 1000) / RATE
  const wait = due - performance.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  inFlight.push(
    sendHttp(submission).then((status) => {
      if (status === 201) latencies.push(performance.now() - due)
      else pacedRefused++
    })
  )
}
await Promise.all(inFlight)
const pacedSeconds = (performance.now() - pacedStarted) / 1000
latencies.sort((a, b) => a - b)
const percentile = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN
agent.destroy()
await server.stop()

// ── Check what was stored: every acknowledged response once, rollups equal to the rows (as a reader sees them).
await foldPendingRollups()
const [check] = await prisma.$queryRaw<{ stored: number; rolled: number; flagged: number }[]>`
  SELECT (SELECT count(*)::int FROM "Response" WHERE "campaignId" = ${campaignId} AND "bodyHash" <> 'raw') AS stored,
    (SELECT coalesce(sum(n), 0)::int FROM "ResponseRollup" WHERE "versionId" = ${versionId}) AS rolled,
    (SELECT count(*)::int FROM "Response" WHERE "campaignId" = ${campaignId} AND "bodyHash" <> 'raw' AND flags <> 0) AS flagged`
const { stored, rolled, flagged } = check!
const [{ server: serverVersion } = { server: '?' }] = await prisma.$queryRaw<
  { server: string }[]
>`SELECT current_setting('server_version') AS server`

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const rawRate = SUSTAINED / rawSeconds
const host = new URL(databaseUrl).host
const report = (name: string, w: Way, cpu: string) => {
  const rate = w.acknowledged / w.seconds
  return `${name} (${CLIENTS} clients as fast as answered; per round ${w.ratios
    .map((r) => fmt(r, 2))
    .join(', ')} × the raw rate):
  ${fmt(w.acknowledged)} acknowledged in ${fmt(w.seconds, 2)} s = ${fmt(rate)} acknowledged/s — ${fmt(
    rate / rawRate,
    2
  )} × the raw rate${w.retried ? ` (${fmt(w.retried)} 503s retried with the same id)` : ''}
  CPU per acknowledged submission: ${cpu
    .replace('{answering}', fmt(w.cpuMs / w.acknowledged, 2))
    .replace('{own}', fmt(w.ownCpuMs / w.acknowledged, 2))
    .replace('{busy}', fmt((100 * w.ownBusySeconds) / w.seconds))}`
}
console.log(`bench/submissions — ${new Date().toISOString()}
Machine: ${cpus().length} cores, Node ${
  process.version
}, PostgreSQL ${serverVersion} at ${host} (fsync and synchronous_commit as configured on the server).
Workload: SIPAS 2023 questionnaire (${allItems(version.definition).length} items), campaign running today; every request
  carries a kiosk token (${SERVICE_POINTS} service points, one kiosk each), so each also does the kiosk lookup and
  rate-limit check; ${fmt(WARM_UP)} warm-up submissions per way, not counted.
Data size: ${fmt(SUSTAINED)} responses per way, ${fmt(meanAnswers, 1)} coded answers per response, ${fmt(
  commentShare * 100,
  1
)} % with a comment, ${fmt(meanBytes)} bytes per request body.

Raw, in process and HTTP take turns in ${ROUNDS} rounds of ${fmt(perRound)} submissions each.
Raw PostgreSQL insert, same rows (pg, multi-row INSERT, ${RAW_BATCH} responses per transaction, 1 connection;
  the rows the API writes: responses with their answer arrays, comments, rollup queue entries; no folds, which the
  API runs on top):
  ${fmt(SUSTAINED)} responses in ${fmt(rawSeconds, 2)} s = ${fmt(rawRate)} responses/s
${report(
  'JSON API over HTTP, production server (node build/server.js), load generator in this process',
  overHttp,
  'server process {answering} ms, load generator (this process) {own} ms'
)}
${report(
  'JSON API in process (answerSubmissionApi, no sockets)',
  inProcess,
  'Node {answering} ms (callers included); event loop busy {busy} % of the time'
)}
JSON API over HTTP at a fixed ${RATE}/s for ${RATE_SECONDS} s (open loop, latency from the scheduled send to the answer):
  ${fmt(latencies.length)} acknowledged${pacedRefused ? `, ${fmt(pacedRefused)} refused (503)` : ''} in ${fmt(
  pacedSeconds,
  1
)} s; p50 ${fmt(percentile(50), 1)} ms, p99 ${fmt(percentile(99), 1)} ms, max ${fmt(latencies.at(-1) ?? NaN, 1)} ms
Statuses: ${[...statuses].map(([status, n]) => `${status} × ${fmt(n)}`).join(', ')}
Check: ${fmt(stored)} responses stored through the API (${fmt(
  total - pacedRefused
)} acknowledged), ResponseRollup n = ${fmt(rolled)}; ${fmt(flagged)} carry quality flags
  (each kiosk sends several per second here, so most are flagged BURST; flags cost nothing extra).
Total bench time ${fmt((Date.now() - started) / 1000, 0)} s.`)

await db.close()
await dropDatabase()
// A 503 at the fixed rate may still have committed (the client would retry and get 200).
process.exit(stored >= total - pacedRefused && stored <= total && rolled === stored ? 0 : 1)

/** One respondent's answers to every item shown, like the demo seed's (prisma/seed/responses.ts). */
function answer(random: Random, definition: Definition): SubmittedAnswers {
  const answers: SubmittedAnswers = { [definition.screening.item]: definition.screening.eligible[0]! }
  // Twice: items shown by a condition on an answer of the first pass get theirs on the second.
  for (let pass = 0; pass < 2; pass++) {
    for (const item of visibleItems(definition, codedAnswers(answers))) {
      if (answers[item.code] !== undefined || item.kind === 'text') continue
      if (!item.required && random.next() < 0.1) continue
      const options = (item.options ?? []).map((option) => option.value)
      if (SCALE_KINDS.includes(item.kind)) {
        if (item.allowDontKnow && random.next() < 0.04) answers[item.code] = -1
        else if (item.allowNotApplicable && random.next() < 0.05) answers[item.code] = -2
        else answers[item.code] = random.next() < 0.8 ? random.int(4, 5) : random.int(1, 3)
      } else if (item.kind === 'number') {
        answers[item.code] = random.int(item.min ?? 1, Math.min(item.max ?? 5, 10))
      } else if (item.kind === 'multiSelect') {
        answers[item.code] = [...new Set([random.pick(options), random.pick(options)])].sort((a, b) => a - b)
      } else {
        answers[item.code] = random.pick(options)
      }
    }
  }
  const text = allItems(definition).find((item) => item.kind === 'text')
  if (text && random.next() < COMMENT_SHARE) answers[text.code] = random.pick(COMMENTS)
  return answers
}

/** The rows the API would write for `batch`, with fresh ids, as plain multi-row INSERTs. */
async function insertRaw(batch: Submission[]) {
  const responses: unknown[][] = []
  const comments: unknown[][] = []
  const day = vietnamDay(new Date())
  for (const submission of batch) {
    const id = random.uuid()
    const servicePointId = submission.point.id
    const answerItemIds: number[] = []
    const answerValues: number[] = []
    for (const [code, value] of Object.entries(submission.envelope.answers)) {
      if (typeof value === 'string') comments.push([id, code, value])
      else
        for (const coded of [value].flat()) {
          answerItemIds.push(itemIds.get(code)!)
          answerValues.push(coded)
        }
    }
    responses.push([
      id,
      `RAW-${id}`,
      'raw',
      versionId,
      campaignId,
      servicePointId,
      agencyOf.get(servicePointId),
      province.id,
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
  await insertValues(
    '"PendingRollup" ("responseId")',
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
    const placeholders = chunk.map(
      (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`
    )
    await raw.query(`INSERT INTO ${target} VALUES ${placeholders.join(', ')}`, chunk.flat())
  }
}
