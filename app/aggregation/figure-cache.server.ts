import { reader } from '~/db/replica.server'
import { readFigures } from './figure-reads.server'
import { type DateRange, isWholeMonths, splitPeriod } from './period'

/*
 * Computed figure sets kept in this process, so a
 * warm ranking page costs one small query instead of a year of rollups. An entry is valid while
 * the fingerprint of the rollups it was computed from is unchanged (ADR 005): the respondent
 * rollup's totals for the period — which move with every submission, flag or weight change and
 * deletion — plus the latest rollup rebuild and the unit lineage. Submissions reach the rollups
 * through the fold (rollup-fold.server.ts), which every read runs first, so the fingerprint moves
 * exactly when the data a reader sees does, without a version counter. The fingerprint is read on
 * the same server as the figures (the unit's reader, the primary or the replica,
 * docs/decisions/024-read-replica.md): it describes the rollups' content, not a server, so an
 * entry computed on one is valid on the other, and it is never newer than the data computed
 * after it.
 * Custom ranges with partial months read raw rows and are not cached.
 */

/** Figure sets kept; each is one period × level × filter × settings. */
export const MAX_CACHED_FIGURE_SETS = 200

const entries = new Map<string, { fingerprint: string; value: unknown }>()

/**
 * The cached value for `key` over `range` if the rollups haven't changed since, else `compute()`.
 * NOTE: callers get the cached objects themselves; treat them as read-only.
 */
export async function cachedFigures<T>(key: unknown, range: DateRange, compute: () => Promise<T>): Promise<T> {
  return readFigures(() => (isWholeMonths(range) ? cachedOrComputed(key, range, compute) : compute()))
}

async function cachedOrComputed<T>(key: unknown, range: DateRange, compute: () => Promise<T>): Promise<T> {
  const id = JSON.stringify(key)
  // Read before computing: if a submission lands in between, the stored fingerprint is older
  // than the data and the next call recomputes, never the other way round.
  const fingerprint = await rollupFingerprint(range)
  const hit = entries.get(id)
  if (hit && hit.fingerprint === fingerprint) {
    entries.delete(id)
    entries.set(id, hit)
    return hit.value as T
  }
  const value = await compute()
  entries.set(id, { fingerprint, value })
  if (entries.size > MAX_CACHED_FIGURE_SETS) entries.delete(entries.keys().next().value!)
  return value
}

/** Forget every computed figure set (after a rollup rebuild in this process). */
export function clearFigureCache(): void {
  entries.clear()
}

async function rollupFingerprint(range: DateRange): Promise<string> {
  const { months } = splitPeriod(range)
  const [row] = await reader().$queryRaw<{ fingerprint: string }[]>`
    SELECT concat_ws(':', count(*), sum(n), sum(n::bigint * flags), round(sum("sumW")::numeric, 6),
      round(sum("sumW2")::numeric, 6), (SELECT max(id) FROM "RollupRebuild"),
      (SELECT count(*) || '@' || coalesce(max("effectiveOn")::text, '') FROM "UnitLineage")) AS fingerprint
    FROM "ResponseRollup" WHERE month BETWEEN ${months!.from}::date AND ${months!.to}::date`
  return row!.fingerprint
}
