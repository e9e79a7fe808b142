import { randomUUID } from 'node:crypto'
import { KIOSK_TOKEN_HEADER } from '~/auth/kiosk-token'
import { type Cluster, createCluster } from '../../scripts/infra/postgres-cluster'
import { createSurveyWorld, type SurveyWorld, type WorldSubmission } from '../../scripts/infra/survey-world'

/*
 * What the fault tests share: their size (reduced in `npm test`, full with FAULTS_SCALE=full), a
 * throwaway cluster with the survey world in it, clients that send submissions and retry every
 * unacknowledged id with the same body until it is acknowledged, and the count of what was stored.
 */

export const FULL_SCALE = process.env.FAULTS_SCALE === 'full'
/** `reduced` in npm test, `full` in npm run test:faults. */
export const scaled = (reduced: number, full: number) => (FULL_SCALE ? full : reduced)

/** The longest any answer may take while the database is gone (docs/decisions/006-submissions.md). */
export const UNAVAILABLE_ANSWER_MS = 2_000
/** A client gives up on one request after this (and retries it): far above any answer the contract allows. */
const REQUEST_TIMEOUT_MS = 10_000

/** A fresh cluster, migrated, with the survey world; this process's app modules are closed again. */
export async function createFaultWorld({ servicePoints = 4 }: { servicePoints?: number } = {}): Promise<{ cluster: Cluster; world: SurveyWorld }> {
  const cluster = await createCluster({ name: 'sipas-faults' })
  const world = await createSurveyWorld(cluster.url(), { servicePoints })
  // The test reads the database through the cluster's own short connections: an app pool here
  // would only see the faults the test causes.
  await world.close()
  return { cluster, world }
}

export type Answer = { status: number; retryAfter: string | null; ms: number; sentAt: number; body: string } | { status: 'failed'; error: string; ms: number; sentAt: number }

/** POSTs one submission to `origin`, with its kiosk's token; never throws. */
export async function send(origin: string, submission: WorldSubmission): Promise<Answer> {
  const sentAt = performance.now()
  try {
    const response = await fetch(`${origin}/api/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [KIOSK_TOKEN_HEADER]: submission.point.token },
      body: submission.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    const body = await response.text()
    return { status: response.status, retryAfter: response.headers.get('Retry-After'), ms: performance.now() - sentAt, sentAt, body }
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error), ms: performance.now() - sentAt, sentAt }
  }
}

/** Sends `submission` until it is acknowledged (a cold or busy server may answer 503 first); every answer, the last one 200 or 201. */
export async function sendUntilAcknowledged(origin: string, submission: WorldSubmission, { attempts = 20 } = {}): Promise<Answer[]> {
  const answers: Answer[] = []
  for (let attempt = 0; attempt < attempts; attempt++) {
    const answer = await send(origin, submission)
    answers.push(answer)
    if (answer.status === 200 || answer.status === 201) return answers
    if (answer.status !== 503 && answer.status !== 'failed') break
    await pause(RETRY_DELAY_MS * 4)
  }
  throw new Error(`${submission.id} not acknowledged by ${origin}: ${tally(answers)}`)
}

export type LoadRun = {
  sent: Set<string>
  acknowledged: Set<string>
  /** Every answer, in the order they came. */
  answers: Answer[]
  /** Resolves when every id has been acknowledged (or rejects at the deadline). */
  done: Promise<void>
  /** Resolves once `n` ids have been acknowledged. */
  acknowledgedAtLeast(n: number): Promise<void>
}

/**
 * `clients` concurrent clients share `count` fresh submissions, as kiosks would: each answer
 * 201/200 acknowledges its id; anything else (503, a dropped connection, a balancer's 502/503)
 * puts the same submission back in the queue, sent again RETRY_DELAY_MS later. Fails after
 * `deadlineMs` with what is left.
 */
export function runLoad(
  world: SurveyWorld,
  { count, clients, origin, deadlineMs }: { count: number; clients: number; origin: () => string; deadlineMs: number },
): LoadRun {
  const queue: WorldSubmission[] = Array.from({ length: count }, () => world.submission(randomUUID()))
  const sent = new Set(queue.map((submission) => submission.id))
  const acknowledged = new Set<string>()
  const answers: Answer[] = []
  const waiters: { n: number; resolve: () => void }[] = []
  const deadline = Date.now() + deadlineMs
  const client = async () => {
    while (acknowledged.size < count) {
      if (Date.now() > deadline) throw new Error(`${count - acknowledged.size} of ${count} submissions still unacknowledged after ${deadlineMs / 1000} s`)
      const submission = queue.shift()
      if (!submission) {
        // Others are still waiting for answers that may put ids back.
        await pause(RETRY_DELAY_MS)
        continue
      }
      const answer = await send(origin(), submission)
      answers.push(answer)
      if (answer.status === 201 || answer.status === 200) {
        acknowledged.add(submission.id)
        for (const waiter of waiters.filter((w) => acknowledged.size >= w.n)) waiter.resolve()
      } else if (answer.status === 'failed' || answer.status === 503 || answer.status === 502 || answer.status === 504) {
        await pause(RETRY_DELAY_MS)
        queue.push(submission)
      } else {
        throw new Error(`Unexpected answer ${answer.status} for ${submission.id}: ${answer.body}`)
      }
    }
  }
  const done = Promise.all(Array.from({ length: clients }, client)).then(() => undefined)
  // Nobody may be left waiting on a run that failed.
  done.catch(() => {})
  return {
    sent,
    acknowledged,
    answers,
    done,
    acknowledgedAtLeast: (n) =>
      Promise.race([
        new Promise<void>((resolve) => (acknowledged.size >= n ? resolve() : waiters.push({ n, resolve }))),
        done.then(() => {
          if (acknowledged.size < n) throw new Error(`the load ended with ${acknowledged.size} acknowledged, fewer than ${n}`)
        }),
      ]),
  }
}
const RETRY_DELAY_MS = 50

export type Counts = { sent: number; acknowledged: number; stored: number; duplicated: number; lost: number; unexpected: number }

/**
 * What the database holds of `sent`, counted by id over every row of "Response": stored = sent ids
 * with a row; duplicated = rows beyond one per id; lost = acknowledged ids without a row;
 * unexpected = rows of ids never sent (rows of ids in `earlier`, stored before the run, aside).
 */
export async function countStored(
  cluster: Cluster,
  run: { sent: Set<string>; acknowledged: Set<string> },
  earlier: ReadonlySet<string> = new Set(),
): Promise<Counts> {
  const rows = (await cluster.query<{ id: string }>('SELECT id FROM "Response"')).filter(({ id }) => !earlier.has(id))
  const perId = new Map<string, number>()
  for (const { id } of rows) perId.set(id, (perId.get(id) ?? 0) + 1)
  return {
    sent: run.sent.size,
    acknowledged: run.acknowledged.size,
    stored: [...run.sent].filter((id) => perId.has(id)).length,
    duplicated: [...perId.values()].reduce((n, rowsOfId) => n + rowsOfId - 1, 0),
    lost: [...run.acknowledged].filter((id) => !perId.has(id)).length,
    unexpected: [...perId.keys()].filter((id) => !run.sent.has(id)).length,
  }
}

/** The ids of every stored response. */
export async function storedIds(cluster: Cluster): Promise<Set<string>> {
  return new Set((await cluster.query<{ id: string }>('SELECT id FROM "Response"')).map(({ id }) => id))
}

/** One line per test: sent / acknowledged / stored / duplicated, and what else the test measured. */
export function printCounts(test: string, counts: Counts, more = '') {
  console.log(
    `[faults] ${test}: sent ${counts.sent} / acknowledged ${counts.acknowledged} / stored ${counts.stored} / duplicated ${counts.duplicated}` +
      ` (lost ${counts.lost}, unexpected ${counts.unexpected})${more ? `; ${more}` : ''}`,
  )
}

export function pause(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Statuses and how many of each, for the printed line: `201 × 480, 503 × 12`. */
export function tally(answers: readonly Answer[]): string {
  const counts = new Map<string, number>()
  for (const answer of answers) {
    const key = answer.status === 'failed' ? 'no answer' : String(answer.status)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].map(([status, n]) => `${status} × ${n}`).join(', ')
}
