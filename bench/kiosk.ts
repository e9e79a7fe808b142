/*
 * `npm run bench:kiosk` — a kiosk's offline backlog draining through the real server.
 *
 * A busy one-stop desk loses its network for a week: BENCH_BACKLOG (5,000) answers to the kiosk
 * form, completed during opening hours over the last seven days, wait in the kiosk's IndexedDB
 * queue. The network returns and the kiosk's own sync code (app/kiosk-app/sync.ts, on
 * fake-indexeddb) sends the queue to the built production server in batches, in completion
 * order, exactly as the browser does. Then the same queue is sent again, as if every
 * acknowledgement had been lost. Printed: time to drain, answers per second, statuses (no 429
 * expected), and the check that every answer is stored once, on the day it was given. Next to it,
 * measured in the same run against the same server: the direct submission rate, the same kind of
 * answers sent by BENCH_CLIENTS concurrent callers as fast as the server takes them.
 *
 * Needs the build (`npm run bench:kiosk` builds first). Database as in bench/support.ts.
 */
import 'fake-indexeddb/auto'
import { performance } from 'node:perf_hooks'
import { postgresAdapterFactory } from '~/db/adapters.server'
import { applyMigrations } from '~/db/migrations.server'
import type { KioskEnvelope } from '~/kiosk-app/queue'
import { kioskFormItems } from '~/questionnaire/kiosk-form'
import { allItems } from '~/questionnaire/definition'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import type { SubmittedAnswers } from '~/responses/answers'
import { vietnamDay } from '~/responses/vietnam-time'
import { createRandom } from '../prisma/seed/random'
import { startAppServer } from '../scripts/infra/app-server'
import { benchDatabase } from './support'

const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 5_000)
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64)
const OFFLINE_DAYS = 7
const OPENS_AT_MINUTE = 7 * 60 + 30
const CLOSES_AT_MINUTE = 17 * 60
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

const database = await benchDatabase('sipas_bench_kiosk')
await applyMigrations(postgresAdapterFactory(database.url, 1))
// App modules read DATABASE_URL when first loaded, so they come after benchDatabase set it.
const { db, prisma } = await import('~/db.server')
const { createCampaign } = await import('~/questionnaire/campaigns.server')
const { createDraft, createQuestionnaire, publishVersion } = await import('~/questionnaire/versions.server')
const { createAgency, createProvince, createServicePoint } = await import('../test/factories/units')
const { createEnrolledKiosk } = await import('../test/factories/kiosks')
const { openKioskDb } = await import('~/kiosk-app/kiosk-db')
const { enqueueResponse, queueSummary, refusedResponses } = await import('~/kiosk-app/queue')
const { sendQueue } = await import('~/kiosk-app/sync')
const { submitBatch } = await import('~/kiosk-app/kiosk-api')
const { KIOSK_TOKEN_HEADER } = await import('~/auth/kiosk-token')

// ── One centre: two service points with a kiosk each, SIPAS 2023 running since a month ago.
const province = await createProvince()
const agency = await createAgency({ provinceId: province.id })
const [backlogPoint, directPoint] = [await createServicePoint(agency), await createServicePoint(agency)]
const { questionnaireId } = await createQuestionnaire({ slug: `bench-kiosk-${Date.now()}`, title: 'SIPAS', titleEn: 'SIPAS' })
const { versionId } = await createDraft({ questionnaireId, definition: sipas2023, methodologyCode: 'sipas-2023' })
await publishVersion(versionId)
const today = new Date(`${vietnamDay(new Date())}T00:00:00Z`)
await createCampaign({
  name: 'Bench',
  nameEn: 'Bench',
  startsOn: new Date(today.getTime() - 30 * DAY_MS),
  endsOn: new Date(today.getTime() + 30 * DAY_MS),
  versionId,
  servicePointIds: [backlogPoint.id, directPoint.id],
})
const backlogKiosk = await createEnrolledKiosk({ servicePointId: backlogPoint.id, name: 'Ki-ốt tầng 1' })
const directKiosk = await createEnrolledKiosk({ servicePointId: directPoint.id, name: 'Ki-ốt tầng 2' })

// ── The answers: the kiosk form (screening, each element in general, an optional comment).
const random = createRandom(19)
const form = kioskFormItems(sipas2023)
const items = new Map(allItems(sipas2023).map((item) => [item.code, item]))
const COMMENTS = ['Cán bộ hướng dẫn tận tình.', 'Chờ lâu quá, cần thêm quầy.', 'Thủ tục rõ ràng, trả kết quả đúng hẹn.']
function kioskAnswers(): SubmittedAnswers {
  const answers: SubmittedAnswers = {}
  for (const code of form) {
    const item = items.get(code)!
    if (code === sipas2023.screening.item) answers[code] = sipas2023.screening.eligible[0]!
    else if (item.kind === 'text') {
      if (random.next() < 0.08) answers[code] = random.pick(COMMENTS)
    } else answers[code] = item.allowDontKnow && random.next() < 0.04 ? -1 : random.int(2, 5)
  }
  return answers
}
function envelope(servicePointCode: string, completedAt: Date) {
  return {
    id: random.uuid(),
    versionId,
    servicePointCode,
    language: random.next() < 0.95 ? ('vi' as const) : ('en' as const),
    form: 'kiosk' as const,
    startedAt: new Date(completedAt.getTime() - random.int(45, 240) * 1000).toISOString(),
    completedAt: completedAt.toISOString(),
    answers: kioskAnswers(),
  }
}
/** BACKLOG completion times spread evenly over the opening hours of the last OFFLINE_DAYS days. */
function weekOfCompletions(): Date[] {
  const perDay = Math.ceil(BACKLOG / OFFLINE_DAYS)
  const minutes = CLOSES_AT_MINUTE - OPENS_AT_MINUTE
  const times: Date[] = []
  for (let day = OFFLINE_DAYS; day >= 1 && times.length < BACKLOG; day--) {
    const midnightInVietnam = today.getTime() - day * DAY_MS - VIETNAM_OFFSET_MS
    for (let i = 0; i < perDay && times.length < BACKLOG; i++) {
      times.push(new Date(midnightInVietnam + (OPENS_AT_MINUTE + (i * minutes) / perDay) * 60_000))
    }
  }
  return times
}
const backlog = weekOfCompletions().map((at) => envelope(backlogPoint.code, at))
const direct = Array.from({ length: BACKLOG }, () => envelope(directPoint.code, new Date()))

// ── The production server; the kiosk code's relative URLs go to it.
const server = await startAppServer({ databaseUrl: database.url })
const browserFetch = globalThis.fetch
globalThis.fetch = (input, init) => browserFetch(new URL(String(input), server.origin), init)

// ── Direct: CLIENTS concurrent callers, as fast as the server takes them.
const directStatuses = new Map<number, number>()
let next = 0
const directStarted = performance.now()
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (next < direct.length) {
      const response = await fetch('/api/submissions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [KIOSK_TOKEN_HEADER]: directKiosk.token },
        body: JSON.stringify(direct[next++]),
      })
      await response.arrayBuffer()
      directStatuses.set(response.status, (directStatuses.get(response.status) ?? 0) + 1)
    }
  }),
)
const directSeconds = (performance.now() - directStarted) / 1000

// ── The backlog: queued on the device, then drained by the kiosk's own sync rounds.
const statuses = new Map<number, number>()
let requests = 0
const counted = (token: string, envelopes: readonly KioskEnvelope[]) => {
  requests++
  return submitBatch(token, envelopes).then((answers) => {
    for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
    return answers
  })
}
async function drain(name: string) {
  const device = await openKioskDb(name)
  for (const queued of backlog) await enqueueResponse(device, queued)
  const started = performance.now()
  requests = 0
  let rounds = 0
  for (;;) {
    rounds++
    const round = await sendQueue(device, backlogKiosk.token, { submit: counted })
    if (round.result === 'done') break
    if (round.result === 'revoked' || rounds > 100) throw new Error(`drain stopped: ${JSON.stringify(round)}`)
    await new Promise((resolve) => setTimeout(resolve, round.retryAfterMs ?? 1000))
  }
  const seconds = (performance.now() - started) / 1000
  const left = await queueSummary(device)
  const refused = await refusedResponses(device)
  device.close()
  return { seconds, rounds, requests, left: left.length, refused: refused.length }
}
const cpuBefore = server.cpuMs()
const first = await drain('bench-kiosk-first')
const drainCpuMs = server.cpuMs() - cpuBefore
const firstStatuses = new Map(statuses)
statuses.clear()
// The acknowledgements were lost: the kiosk still holds the whole queue and sends it again.
const replay = await drain('bench-kiosk-replay')

// ── The check: every backlog answer stored once, on the day it was given; nothing else.
const stored = await prisma.response.findMany({
  where: { kioskId: backlogKiosk.id },
  select: { id: true, submittedOn: true },
})
const storedIds = new Set(stored.map((row) => row.id))
const dayOf = new Map(stored.map((row) => [row.id, row.submittedOn.toISOString().slice(0, 10)]))
const missing = backlog.filter((answer) => !storedIds.has(answer.id)).length
const wrongDay = backlog.filter((answer) => dayOf.get(answer.id) !== vietnamDay(new Date(answer.completedAt))).length
const doubled = stored.length - storedIds.size + Math.max(0, stored.length - backlog.length)
const days = new Set(stored.map((row) => row.submittedOn.toISOString().slice(0, 10))).size

const show = (map: Map<number, number>) =>
  [...map].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n.toLocaleString('en')}`).join(', ')
const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en')} /s`
const backlogRate = backlog.length / first.seconds
const directRate = direct.length / directSeconds
console.log(`
Kiosk backlog drain (${new Date().toISOString()}; ${process.env.BENCH_NOTE ?? '2 cores, PostgreSQL alongside'})
Workload: ${backlog.length.toLocaleString('en')} kiosk-form answers (${form.length} items: screening, ${form.length - 2} elements in general, comment) completed over ${OFFLINE_DAYS} days of opening hours (${days} days in the data), queued on one kiosk (IndexedDB), drained by the kiosk's sync code over HTTP to the production server, one batch at a time.

| measure | result |
|---|---|
| time to drain the backlog | ${first.seconds.toFixed(1)} s (${rate(backlog.length, first.seconds)}, ${first.requests} requests in ${first.rounds} sync round(s)); server CPU ${(drainCpuMs / backlog.length).toFixed(2)} ms per answer |
| statuses, first drain | ${show(firstStatuses)} |
| the same queue again (acknowledgements lost) | ${replay.seconds.toFixed(1)} s; ${show(statuses)} |
| direct submissions, same server, ${CLIENTS} concurrent callers | ${rate(direct.length, directSeconds)} (${show(directStatuses)}) |
| drain ÷ direct | ${(backlogRate / directRate).toFixed(2)} × (one batch at a time against ${CLIENTS} single submissions at once) |
| stored | ${stored.length.toLocaleString('en')} of ${backlog.length.toLocaleString('en')}; missing ${missing}, doubled ${doubled}, on the wrong day ${wrongDay}; left on the device ${first.left + replay.left}, refused ${first.refused + replay.refused} |
`)

const throttled = (firstStatuses.get(429) ?? 0) + (statuses.get(429) ?? 0)
const ok = missing === 0 && doubled === 0 && wrongDay === 0 && throttled === 0 && first.left === 0 && first.refused === 0 && replay.refused === 0
await server.stop()
await db.close()
await database.drop()
if (!ok) console.error('FAILED: an answer was lost, doubled, misdated, refused or throttled')
process.exit(ok ? 0 : 1)
