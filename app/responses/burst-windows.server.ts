import { prisma } from '~/db.server'
import { runAlone } from '~/db/advisory-lock.server'

/*
 * The burst windows (quality.server.ts) counted in the database, so every app server behind the
 * load balancer counts the submissions of all of them (docs/decisions/023-several-app-servers.md).
 * A live submission leaves one RecentSubmission row per window it counts in, written by the same
 * statement as the response (store.server.ts), so only stored responses count. A batch about to
 * be written asks, in one statement, how many stored submissions each of its windows holds; the
 * submissions of the batch itself are added in memory, in arrival order, as one process did
 * before. What a count cannot see: a batch another writer is committing at that very moment
 * (on this server or another), for the few milliseconds of that commit.
 */

/** One window a submission is checked against: events at `key` from `at` − windowSeconds to `at`. */
export type WindowQuery = { key: string; at: number; windowSeconds: number }

/** Longest window any setting allows (QualitySettingsSchema caps windows at an hour). */
const MAX_WINDOW_MS = 60 * 60 * 1000
/** How often (at most) a server removes rows that no window can reach any more. */
const PRUNE_EVERY_MS = 60_000

/**
 * For each submission of a batch (in arrival order), its windows' counts: stored submissions
 * from every server plus the earlier ones of this batch. `windows[i]` are submission i's.
 */
export async function countWindows(windows: readonly (readonly WindowQuery[])[]): Promise<number[][]> {
  const queries = windows.flat()
  if (queries.length === 0) return windows.map(() => [])
  const stored = await countStored(queries)
  let next = 0
  const seen: { key: string; at: number }[] = []
  return windows.map((own) => {
    const counts = own.map((query) => {
      const from = query.at - query.windowSeconds * 1000
      const inBatch = seen.filter((event) => event.key === query.key && event.at >= from && event.at <= query.at).length
      // The submission itself counts, as it did when it was recorded before being counted.
      return stored[next++]! + inBatch + 1
    })
    for (const query of own) seen.push({ key: query.key, at: query.at })
    return counts
  })
}

async function countStored(queries: readonly WindowQuery[]): Promise<number[]> {
  const keys = queries.map((query) => query.key)
  const froms = queries.map((query) => new Date(query.at - query.windowSeconds * 1000).toISOString())
  const tos = queries.map((query) => new Date(query.at).toISOString())
  const rows = await prisma.$queryRaw<{ n: number }[]>`
    SELECT (SELECT count(*) FROM "RecentSubmission" s WHERE s.key = q.key AND s.at BETWEEN q.f AND q.t)::int AS n
    FROM unnest(${keys}::text[], ${froms}::timestamp[], ${tos}::timestamp[]) WITH ORDINALITY AS q(key, f, t, i)
    ORDER BY q.i`
  return rows.map((row) => row.n)
}

let lastPrune = 0

/**
 * Removes rows older than any window, at most every PRUNE_EVERY_MS per server and on one server
 * at a time; called after a batch that wrote some. In the background: a failure only delays it.
 */
export function pruneRecentSubmissionsSoon(now = Date.now()): void {
  if (now - lastPrune < PRUNE_EVERY_MS) return
  lastPrune = now
  runAlone('recent-submissions', () => pruneRecentSubmissions(new Date(now - MAX_WINDOW_MS))).catch((error: unknown) =>
    console.error('Removing old burst-window rows failed:', error),
  )
}

/** Removes the rows no window reaches (older than `before`); returns how many. */
function pruneRecentSubmissions(before: Date): Promise<number> {
  return prisma.recentSubmission.deleteMany({ where: { at: { lt: before } } }).then((result) => result.count)
}
