import { prisma } from '~/db.server'
import { runAlone } from '~/db/advisory-lock.server'
import { Prisma } from '~/generated/prisma/client'

/*
 * Submissions don't write the rollups (docs/decisions/012-submission-throughput.md): each stored
 * response leaves its id in PendingRollup, in its own transaction, and a fold adds every queued
 * response to AnswerRollup and ResponseRollup in the transaction that deletes the queue entries
 * it took. So a response is counted exactly once, and a fold of a second of submissions
 * adds one count per rollup cell instead of one per answer.
 *
 * Readers fold first (foldPendingRollups before reading rollups), so every figure includes every
 * response acknowledged before the read began. The same fold pairs each response's answers to index
 * items into AnswerPairRollup (INDEX_ANSWER_PAIRS), which the index's interval rests on. Two folds at once are safe: the second waits on
 * the rows the first deleted and skips them. The background fold after submissions runs on one
 * app server at a time (an advisory lock), so several servers' folds don't pile up on the same
 * rollup rows; a fold cut off half-way (its server died) rolls back whole, queue rows included
 * (docs/decisions/023-several-app-servers.md).
 */

/** Responses taken from the queue per transaction: bounds memory after a long outage or a bulk load. */
const FOLD_CHUNK = 5_000

type Db = Pick<typeof prisma, '$queryRaw'>

/** Adds every queued response to the rollups (in `tx`'s transaction if given); returns how many were folded. */
export async function foldPendingRollups(tx?: Db): Promise<number> {
  // Every figure read calls this, and the queue is nearly always empty: one query, no transaction.
  if (!tx && !(await queued())) return 0
  let folded = 0
  for (;;) {
    const taken = tx ? await foldChunk(tx) : await prisma.$transaction((own) => foldChunk(own))
    folded += taken
    if (taken < FOLD_CHUNK) return folded
  }
}

async function queued(): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ queued: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "PendingRollup") AS queued`
  return row?.queued ?? false
}

/**
 * Takes up to FOLD_CHUNK queue rows and adds their responses to both rollups, in the caller's
 * transaction.
 * NOTE: performance. Joined to the queue in one statement, the planner scanned a whole raw table
 * for a few hundred responses and then JIT-compiled the statement (0.4–0.9 s a fold at 1 M
 * responses). So the ids come back to Node and go in again as an array (primary-key lookups), and
 * JIT is off for the fold (its estimate of answers per response is generic, so its cost looks large).
 */
async function foldChunk(tx: Db): Promise<number> {
  const [{ jit } = { jit: 'on' }] = await tx.$queryRaw<{ jit: string }[]>`
    SELECT current_setting('jit') AS jit, set_config('jit', 'off', true)`
  const folded = await takeAndFold(tx)
  // Inside a caller's transaction (a rebuild) the rest keeps its setting.
  await tx.$queryRaw`SELECT set_config('jit', ${jit}, true)`
  return folded
}

async function takeAndFold(tx: Db): Promise<number> {
  const taken = await tx.$queryRaw<{ id: string }[]>`
    DELETE FROM "PendingRollup"
    WHERE "responseId" IN (SELECT "responseId" FROM "PendingRollup" LIMIT ${FOLD_CHUNK} FOR UPDATE)
    RETURNING "responseId"::text AS id`
  if (taken.length === 0) return 0
  await tx.$queryRaw`
    WITH r AS (
      SELECT date_trunc('month', r."submittedOn")::date AS month, r."servicePointId", r."agencyId", r."provinceId",
        r."versionId", r.channel, r.flags, r.weight, r."answerItemIds", r."answerValues",
        -- One integer per rollup key prefix: the answers below are grouped by three integers
        -- instead of a date and three text ids (a third of the fold's time).
        dense_rank() OVER (ORDER BY date_trunc('month', r."submittedOn")::date, r."servicePointId" COLLATE "C",
          r."agencyId" COLLATE "C", r."provinceId" COLLATE "C", r.flags) AS g
      FROM "Response" r WHERE r.id = ANY(${taken.map((row) => row.id)}::uuid[])
    ),
    groups AS (SELECT DISTINCT g, month, "servicePointId", "agencyId", "provinceId", flags FROM r),
    cells AS (
      SELECT r.g, a."itemId", a.value, count(*) AS n, sum(r.weight) AS w, sum(r.weight * r.weight) AS w2
      FROM r CROSS JOIN LATERAL unnest(r."answerItemIds", r."answerValues") AS a("itemId", value)
      GROUP BY 1, 2, 3
    ),
    pairs AS (
      SELECT r.g, p."itemA", p."itemB", ${PAIR_SUMS}
      FROM r CROSS JOIN LATERAL ${INDEX_ANSWER_PAIRS} p
      GROUP BY 1, 2, 3
    ),
    -- ORDER BY: concurrent folds lock rollup rows in the same order (no deadlock); g follows the
    -- key's order, so (g, item, value) is one total order of the rollup keys.
    ar AS (
      INSERT INTO "AnswerRollup" (month, "servicePointId", "agencyId", "provinceId", "itemId", value, flags, n, "sumW",
        "sumW2")
      SELECT k.month, k."servicePointId", k."agencyId", k."provinceId", c."itemId", c.value, k.flags, c.n, c.w, c.w2
      FROM cells c JOIN groups k USING (g)
      ORDER BY c.g, c."itemId", c.value
      ON CONFLICT (month, "servicePointId", "itemId", value, flags, "agencyId", "provinceId") DO UPDATE
      SET n = "AnswerRollup".n + EXCLUDED.n, "sumW" = "AnswerRollup"."sumW" + EXCLUDED."sumW",
        "sumW2" = "AnswerRollup"."sumW2" + EXCLUDED."sumW2"
    ),
    rr AS (
      INSERT INTO "ResponseRollup" (month, "servicePointId", "agencyId", "provinceId", "versionId", channel, flags,
        n, "sumW", "sumW2")
      SELECT month, "servicePointId", "agencyId", "provinceId", "versionId", channel, flags, count(*), sum(weight),
        sum(weight * weight)
      FROM r
      GROUP BY 1, 2, 3, 4, 5, 6, 7
      ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (month, "servicePointId", "versionId", channel, flags, "agencyId", "provinceId") DO UPDATE
      SET n = "ResponseRollup".n + EXCLUDED.n, "sumW" = "ResponseRollup"."sumW" + EXCLUDED."sumW",
        "sumW2" = "ResponseRollup"."sumW2" + EXCLUDED."sumW2"
    ),
    pr AS (
      INSERT INTO "AnswerPairRollup" (month, "servicePointId", "agencyId", "provinceId", "itemA", "itemB", flags, n,
        "nA", "nB", "nAB", "sumW2", "sumW2A", "sumW2B", "sumW2AB")
      SELECT k.month, k."servicePointId", k."agencyId", k."provinceId", p."itemA", p."itemB", k.flags, p.n, p."nA",
        p."nB", p."nAB", p."sumW2", p."sumW2A", p."sumW2B", p."sumW2AB"
      FROM pairs p JOIN groups k USING (g)
      ORDER BY p.g, p."itemA", p."itemB"
      ON CONFLICT (month, "servicePointId", "itemA", "itemB", flags, "agencyId", "provinceId") DO UPDATE
      SET n = "AnswerPairRollup".n + EXCLUDED.n, "nA" = "AnswerPairRollup"."nA" + EXCLUDED."nA",
        "nB" = "AnswerPairRollup"."nB" + EXCLUDED."nB", "nAB" = "AnswerPairRollup"."nAB" + EXCLUDED."nAB", "sumW2" = "AnswerPairRollup"."sumW2" + EXCLUDED."sumW2",
        "sumW2A" = "AnswerPairRollup"."sumW2A" + EXCLUDED."sumW2A", "sumW2B" = "AnswerPairRollup"."sumW2B" + EXCLUDED."sumW2B",
        "sumW2AB" = "AnswerPairRollup"."sumW2AB" + EXCLUDED."sumW2AB"
    )
    SELECT 1`
  return taken.length
}

/**
 * How long after a write the background fold runs. Longer folds more responses per rollup cell
 * (cheaper per response); readers fold first, so the delay is never visible in a figure.
 */
export const FOLD_DELAY_MS = 1_000

let scheduled: ReturnType<typeof setTimeout> | null = null
let running: Promise<unknown> | null = null

/**
 * Asks for a background fold soon; calls while one is waiting or running coalesce. When another
 * app server is folding, this one tries again after FOLD_DELAY_MS: that fold may have started
 * before this server's responses were stored.
 */
export function scheduleRollupFold(): void {
  scheduled ??= setTimeout(() => {
    scheduled = null
    if (running) return scheduleRollupFold()
    running = runAlone('rollup-fold', () => foldPendingRollups())
      .then((outcome) => {
        if (!outcome.ran) scheduleRollupFold()
      })
      // The queue stays in the database: the next fold or read takes it.
      .catch((error: unknown) => console.error('Folding submissions into the rollups failed:', error))
      .finally(() => (running = null))
  }, FOLD_DELAY_MS)
  // A waiting fold must not keep a finished process (a script, a test) alive.
  scheduled.unref?.()
}

/** Drops a waiting background fold and waits for a running one (before closing the database). */
export async function settleRollupFolds(): Promise<void> {
  if (scheduled) clearTimeout(scheduled)
  scheduled = null
  await running
}

/**
 * A LATERAL subquery over the response `r` (a row with the columns of "Response"): one row per pair
 * of its answers to index items (itemA ≤ itemB, the diagonal included) that are both valid, with
 * a and b 1 for a positive answer. Valid and positive mean what they mean for rates (rate.ts
 * isValidAnswer: a coded value ≥ 1; positive: the item's `positive` values). Per response, so
 * pairing never joins one large set of answers with itself. The fold and the rebuild both use it
 * with PAIR_SUMS, so they cannot disagree.
 */
export const INDEX_ANSWER_PAIRS = Prisma.sql`(
  WITH answered AS (
    SELECT a."itemId", (a.value = ANY(i.positive))::int AS y
    FROM unnest(r."answerItemIds", r."answerValues") AS a("itemId", value) JOIN "Item" i ON i.id = a."itemId"
    WHERE i."inIndex" AND a.value >= 1
  )
  SELECT x."itemId" AS "itemA", z."itemId" AS "itemB", x.y AS a, z.y AS b
  FROM answered x JOIN answered z ON z."itemId" >= x."itemId"
)`

/** AnswerPairRollup's counts over rows of `r` (the response) × INDEX_ANSWER_PAIRS `p`. */
export const PAIR_SUMS = Prisma.sql`count(*)::int AS n, sum(p.a)::int AS "nA", sum(p.b)::int AS "nB",
  sum(p.a * p.b)::int AS "nAB", sum(r.weight * r.weight) AS "sumW2",
  sum(r.weight * r.weight * p.a) AS "sumW2A", sum(r.weight * r.weight * p.b) AS "sumW2B",
  sum(r.weight * r.weight * p.a * p.b) AS "sumW2AB"`
