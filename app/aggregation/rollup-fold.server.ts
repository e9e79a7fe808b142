import { prisma } from '~/db.server'

/*
 * Submissions don't write the rollups (docs/decisions/012-submission-throughput.md): each stored
 * response leaves its id in PendingRollup, in its own transaction, and a fold adds every queued
 * response to AnswerRollup and ResponseRollup in ONE statement that also deletes the queue
 * entries it took. So a response is counted exactly once, and a fold of a second of submissions
 * adds one count per rollup cell instead of one per answer.
 *
 * Readers fold first (foldPendingRollups before reading rollups), so every figure includes every
 * response acknowledged before the read began. Two folds at once are safe: the second waits on
 * the rows the first deleted and skips them.
 */

/** Adds every queued response to the rollups (in `db`'s transaction if given); returns how many were folded. */
export async function foldPendingRollups(db: Pick<typeof prisma, '$queryRaw'> = prisma): Promise<number> {
  const [row] = await db.$queryRaw<{ folded: number }[]>`
    WITH p AS (DELETE FROM "PendingRollup" RETURNING "responseId"),
    r AS (
      SELECT r.id, date_trunc('month', r."submittedOn")::date AS month, r."servicePointId", r."agencyId",
        r."provinceId", r."versionId", r.channel, r.flags, r.weight
      FROM "Response" r WHERE r.id IN (SELECT "responseId" FROM p)
    ),
    -- ORDER BY: concurrent folds lock rollup rows in the same order (no deadlock).
    ar AS (
      INSERT INTO "AnswerRollup" (month, "servicePointId", "agencyId", "provinceId", "itemId", value, flags, n, "sumW",
        "sumW2")
      SELECT r.month, r."servicePointId", r."agencyId", r."provinceId", a."itemId", a.value, r.flags, count(*),
        sum(r.weight), sum(r.weight * r.weight)
      FROM r JOIN "Answer" a ON a."responseId" = r.id
      GROUP BY 1, 2, 3, 4, 5, 6, 7
      ORDER BY 1, 2, 3, 4, 5, 6, 7
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
    )
    SELECT count(*)::int AS folded FROM p`
  return row?.folded ?? 0
}

/**
 * How long after a write the background fold runs. Longer folds more responses per rollup cell
 * (cheaper per response); readers fold first, so the delay is never visible in a figure.
 */
export const FOLD_DELAY_MS = 500

let scheduled: ReturnType<typeof setTimeout> | null = null
let running: Promise<unknown> | null = null

/** Asks for a background fold soon; calls while one is waiting or running coalesce. */
export function scheduleRollupFold(): void {
  scheduled ??= setTimeout(() => {
    scheduled = null
    if (running) return scheduleRollupFold()
    running = foldPendingRollups()
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
