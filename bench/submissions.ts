/*
 * `npm run bench:submissions` — how many submissions the JSON API acknowledges per second, next
 * to the raw PostgreSQL insert rate for the same rows, and the latency at a fixed rate.
 *
 * Runs in one process: the route module's action (POST /api/submissions) is called with real
 * Request objects by concurrent in-process clients; there is no HTTP socket (measuring through
 * a built server would need `remix vite:build`). Everything else is the production path: kiosk
 * token lookup, rate limit, JSON parsing, validation, quality flags, group commit, one statement
 * per batch, and the background folds that add the batches to the rollups (ADR 012), on a real
 * PostgreSQL server. The raw insert and the API take turns (three rounds, each on a third of the
 * submissions), so both see the machine at the same speed.
 *
 * Database: DATABASE_URL if set (migrated, then used as is), otherwise a fresh database created
 * on BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5439/postgres) and dropped at the end.
 * Knobs: BENCH_SUBMISSIONS (20000), BENCH_CLIENTS (64), BENCH_RATE (200/s), BENCH_RATE_SECONDS (15);
 * BENCH_KEEP=1 keeps the fresh database (its name is printed) to look into.
 */
import { randomBytes } from 'node:crypto'
import { cpus } from 'node:os'
import pg from 'pg'
import { postgresAdapterFactory } from '~/db/adapters.server'
import { applyMigrations } from '~/db/migrations.server'
import { visibleItems } from '~/questionnaire/conditions'
import { allItems, type Definition, SCALE_KINDS } from '~/questionnaire/definition'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { codedAnswers, type SubmittedAnswers } from '~/responses/answers'
import { vietnamDay } from '~/responses/vietnam-time'
import { createRandom, type Random } from '../prisma/seed/random'

const SUSTAINED = Number(process.env.BENCH_SUBMISSIONS ?? 20_000)
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64)
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
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5439/postgres'
let dropDatabase: (() => Promise<void>) | undefined
if (!process.env.DATABASE_URL) {
  const name = `sipas_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  process.env.DATABASE_URL = url.toString()
  dropDatabase = async () => {
    if (process.env.BENCH_KEEP) console.log(`Kept database ${name}`)
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
}
const databaseUrl = process.env.DATABASE_URL
await applyMigrations(postgresAdapterFactory(databaseUrl, 1))

// App modules read DATABASE_URL when first loaded, so they come after it is set.
const { db, prisma } = await import('~/db.server')
const { createKiosk, KIOSK_TOKEN_HEADER } = await import('~/auth/kiosk.server')
const { createCampaign } = await import('~/questionnaire/campaigns.server')
const { createDraft, createQuestionnaire, getPublishedVersion, publishVersion } = await import(
  '~/questionnaire/versions.server'
)
const { action } = await import('~/routes/api.submissions')
const { createAgency, createProvince, createServicePoint } = await import('../test/factories/units')

// ── Minimal world: one province, 50 service points each with a kiosk, SIPAS 2023 running today.
const province = await createProvince()
const points: { id: string; code: string; token: string }[] = []
for (let i = 0; i < SERVICE_POINTS; i++) {
  const servicePoint = await createServicePoint(await createAgency({ provinceId: province.id }))
  const kiosk = await createKiosk({ name: `Ki-ốt ${i + 1}`, servicePointId: servicePoint.id })
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
const total = WARM_UP + SUSTAINED + RATE * RATE_SECONDS
const submissions = Array.from({ length: total }, makeSubmission)
const warmUp = submissions.slice(0, WARM_UP)
const sustained = submissions.slice(WARM_UP, WARM_UP + SUSTAINED)
const paced = submissions.slice(WARM_UP + SUSTAINED)
const answerRows = (answers: SubmittedAnswers) =>
  Object.values(answers).reduce<number>(
    (n, value) => n + (typeof value === 'string' ? 0 : Array.isArray(value) ? value.length : 1),
    0
  )
const meanAnswers = sustained.reduce((n, s) => n + answerRows(s.envelope.answers), 0) / sustained.length
const commentShare =
  sustained.filter((s) => Object.values(s.envelope.answers).some((v) => typeof v === 'string')).length /
  sustained.length
const meanBytes = sustained.reduce((n, s) => n + Buffer.byteLength(s.body), 0) / sustained.length

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
// ── The JSON API: warm up, then sustained with CLIENTS concurrent clients, then a fixed rate.
const statuses = new Map<number, number>()
async function send(submission: Submission): Promise<number> {
  const request = new Request('http://localhost/api/submissions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [KIOSK_TOKEN_HEADER]: submission.point.token },
    body: submission.body,
  })
  const response = await action({ request, context: { clientIp: '10.0.0.1' }, params: {} } as never)
  await response.arrayBuffer()
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
  return response.status
}
/**
 * `clients` loops sending as fast as they are answered. Like a real kiosk, a client that gets 503
 * sends the same submission again later (here: after the rest of the queue); its retry is
 * acknowledged with 201, or 200 when the first attempt had committed after all.
 */
async function runClients(queue: Submission[], clients: number) {
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
await runClients(warmUp, CLIENTS)

// ── Raw and API in alternation, ROUNDS times, each on its share of the same submissions: this
// machine's speed drifts by ±20 % within minutes, and the ratio should compare like with like.
const { foldPendingRollups, settleRollupFolds } = await import('~/aggregation/rollup-fold.server')
const raw = new pg.Client({ connectionString: databaseUrl })
await raw.connect()
let rawSeconds = 0
let apiSeconds = 0
let acknowledged = 0
let retried = 0
let apiCpuMicros = 0
const roundRatios: number[] = []
const perRound = Math.ceil(sustained.length / ROUNDS)
for (let round = 0; round < ROUNDS; round++) {
  const share = sustained.slice(round * perRound, (round + 1) * perRound)
  // Nothing of the API's left to fold: the raw rows never reach the rollups or the API's folds.
  await settleRollupFolds()
  await foldPendingRollups()
  const rawStarted = performance.now()
  for (let i = 0; i < share.length; i += RAW_BATCH) await insertRaw(share.slice(i, i + RAW_BATCH))
  const rawRound = (performance.now() - rawStarted) / 1000
  await raw.query('DELETE FROM "PendingRollup"')

  const apiStarted = performance.now()
  const apiCpu = process.cpuUsage()
  const clients = await runClients(share, CLIENTS)
  const apiRound = (performance.now() - apiStarted) / 1000
  const { user, system } = process.cpuUsage(apiCpu)
  apiCpuMicros += user + system
  rawSeconds += rawRound
  apiSeconds += apiRound
  acknowledged += clients.acknowledged
  retried += clients.retried
  roundRatios.push(clients.acknowledged / apiRound / (share.length / rawRound))
}
await raw.end()
const cpuPerSubmission = apiCpuMicros / 1000 / acknowledged

// The sustained run's last background fold finishes first: the fixed rate is measured on its own.
await new Promise((resolve) => setTimeout(resolve, 1_500))
const latencies: number[] = []
let pacedRefused = 0
const pacedStarted = performance.now()
const inFlight: Promise<void>[] = []
for (const [i, submission] of paced.entries()) {
  const due = pacedStarted + (i * 1000) / RATE
  const wait = due - performance.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  inFlight.push(
    send(submission).then((status) => {
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

// ── Check what was stored: every acknowledged response once, rollups equal to the rows (as a reader sees them).
await foldPendingRollups()
const [check] = await prisma.$queryRaw<{ stored: number; rolled: number; flagged: number }[]>`
  SELECT (SELECT count(*)::int FROM "Response" WHERE "campaignId" = ${campaignId} AND "bodyHash" <> 'raw') AS stored,
    (SELECT coalesce(sum(n), 0)::int FROM "ResponseRollup" WHERE "versionId" = ${versionId}) AS rolled,
    (SELECT count(*)::int FROM "Response" WHERE "campaignId" = ${campaignId} AND "bodyHash" <> 'raw' AND flags <> 0) AS flagged`
const { stored, rolled, flagged } = check!
const [{ server } = { server: '?' }] = await prisma.$queryRaw<
  { server: string }[]
>`SELECT current_setting('server_version') AS server`

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const rawRate = SUSTAINED / rawSeconds
const apiRate = acknowledged / apiSeconds
const host = new URL(databaseUrl).host
console.log(`bench/submissions — ${new Date().toISOString()}
Machine: ${cpus().length} cores, Node ${
  process.version
}, PostgreSQL ${server} at ${host} (fsync and synchronous_commit as configured on the server).
How: the JSON API route (app/routes/api.submissions.ts) action called IN PROCESS with real Request objects by ${CLIENTS}
  concurrent clients sharing this Node process (no HTTP socket); each request carries a kiosk token (${SERVICE_POINTS} service
  points, one kiosk each), so every request also does the kiosk lookup and rate-limit check.
Workload: SIPAS 2023 questionnaire (${allItems(version.definition).length} items), campaign running today, ${fmt(
  WARM_UP
)} warm-up submissions not counted.
Data size: ${fmt(SUSTAINED)} responses, ${fmt(meanAnswers, 1)} coded answers per response, ${fmt(
  commentShare * 100,
  1
)} % with a comment, ${fmt(meanBytes)} bytes per request body.

Raw and API alternate in ${ROUNDS} rounds of ${fmt(
  perRound
)} submissions each (raw, then the API, on the same submissions).
Raw PostgreSQL insert, same rows (pg, multi-row INSERT, ${RAW_BATCH} responses per transaction, 1 connection;
  the rows the API writes: responses with their answer arrays, comments, rollup queue entries; no folds, which the
  API runs on top):
  ${fmt(SUSTAINED)} responses in ${fmt(rawSeconds, 2)} s = ${fmt(rawRate)} responses/s
JSON API sustained (${CLIENTS} clients as fast as answered; per round ${roundRatios
  .map((ratio) => fmt(ratio, 2))
  .join(', ')} × the raw rate):
  ${fmt(acknowledged)} acknowledged in ${fmt(apiSeconds, 2)} s = ${fmt(apiRate)} acknowledged/s — ${fmt(
  apiRate / rawRate,
  2
)} × the raw rate${retried ? ` (${fmt(retried)} 503s retried with the same id)` : ''}
  Node CPU (clients and server together) ${fmt(cpuPerSubmission, 2)} ms per acknowledged submission
JSON API at a fixed ${RATE}/s for ${RATE_SECONDS} s (open loop, latency from the scheduled send):
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
await dropDatabase?.()
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
