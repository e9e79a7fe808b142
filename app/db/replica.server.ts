import { AsyncLocalStorage } from 'node:async_hooks'
import { db } from '~/db.server'
import type { PrismaClient } from '~/generated/prisma/client'

/*
 * Read-only units of work on the hot standby (docs/decisions/024-read-replica.md). A unit reads
 * the replica only once the replica has replayed the primary's WAL up to where the primary stood
 * when the unit began, so the unit sees every commit acknowledged before it began (the user's own
 * submission included), as it would on the primary. Otherwise it reads the primary: when the
 * replica has not caught up within REPLICA_CATCH_UP_MS or cannot be reached. A unit that fails on
 * the replica because of the replica (it stopped answering, or cancelled a query that conflicted
 * with the WAL it replays) runs again on the primary, so nobody sees the replica's failure; an
 * error of the unit's own work stays the unit's. After a
 * failure the replica rests for REPLICA_REST_MS before it is asked again: a dead or far-behind
 * replica costs one wait, not one per request.
 */

/** Longest wait for the replica to replay a unit's start position: the replica's lag bound. */
export const REPLICA_CATCH_UP_MS = 250
/** Between two looks at the replica's replay position while a unit waits. */
const REPLICA_POLL_MS = 5
/** How long reads go to the primary after the replica lagged or failed. */
export const REPLICA_REST_MS = 5_000

type ReadConnection = {
  prisma: PrismaClient
  /** For a connection of the unit's own outside Prisma (a COPY stream); null on PGlite. */
  serverUrl: string | null
}

const units = new AsyncLocalStorage<ReadConnection>()
let restingUntil = 0

/** The client to read with: the current read-only unit's (the replica or the primary), else the primary. */
export function reader(): PrismaClient {
  return (units.getStore() ?? primary()).prisma
}

/** The PostgreSQL URL of the server `reader()` reads (null on PGlite). */
export function readerUrl(): string | null {
  return (units.getStore() ?? primary()).serverUrl
}

/** Whether the caller runs inside a read-only unit of work. */
export function inReadOnlyUnit(): boolean {
  return units.getStore() !== undefined
}

/**
 * Runs `work` as one read-only unit: every `reader()` inside it reads the replica if the replica
 * has replayed all the primary had committed when the unit began, else the primary. A unit inside
 * a unit is part of it. `work` must not write through `reader()` (the replica refuses) and may run
 * twice: a unit the replica fails runs again on the primary.
 */
export async function readOnly<T>(work: () => Promise<T>): Promise<T> {
  if (inReadOnlyUnit()) return work()
  const replica = await caughtUpReplica()
  if (!replica) return units.run(primary(), work)
  try {
    return await units.run(replica, work)
  } catch (error) {
    if (!(await replicaFailed(replica, error))) throw error
    rest('failed during a read', error)
    return units.run(primary(), work)
  }
}

/**
 * Whether the replica, not the work, made the unit fail: it cancelled a query for recovery, or no
 * longer answers. (A thrown response, a 404, is the work's answer.)
 */
async function replicaFailed(replica: ReadConnection, error: unknown): Promise<boolean> {
  if (error instanceof Response) return false
  if (RECOVERY_CONFLICT.test(error instanceof Error ? error.message : String(error))) return true
  try {
    await beforeDeadline(replica.prisma.$queryRaw`SELECT 1`, Date.now() + REPLICA_CATCH_UP_MS)
    return false
  } catch {
    return true
  }
}

/** PostgreSQL's message when a hot standby cancels a query that would hold up replay. */
const RECOVERY_CONFLICT = /conflict with recovery/

function primary(): ReadConnection {
  return { prisma: db.prisma, serverUrl: db.serverUrl }
}

/** The replica if it may be read and has caught up with the primary's current position, else null. */
async function caughtUpReplica(): Promise<ReadConnection | null> {
  const replica = db.replica
  if (!replica || Date.now() < restingUntil) return null
  const [position] = await db.prisma.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`
  try {
    await waitForReplay(replica.prisma, position!.lsn)
    return replica
  } catch (error) {
    rest(`is not usable`, error)
    return null
  }
}

/** Resolves once the replica has replayed the WAL up to `lsn`; throws past REPLICA_CATCH_UP_MS. */
async function waitForReplay(replica: PrismaClient, lsn: string): Promise<void> {
  const deadline = Date.now() + REPLICA_CATCH_UP_MS
  for (;;) {
    // NULL (not a standby, or nothing replayed yet) is not caught up.
    const [row] = await beforeDeadline(
      replica.$queryRaw<{ replayed: boolean }[]>`
        SELECT coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, false) AS replayed`,
      deadline,
    )
    if (row?.replayed) return
    if (Date.now() + REPLICA_POLL_MS >= deadline) {
      throw new Error(`it had not replayed the primary's position ${lsn} after ${REPLICA_CATCH_UP_MS} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, REPLICA_POLL_MS))
  }
}

/** `query`'s result, or a rejection at `deadline` (a replica that accepts no connections may not answer at all). */
async function beforeDeadline<T>(query: Promise<T>, deadline: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it did not answer within ${REPLICA_CATCH_UP_MS} ms`)), deadline - Date.now())
  })
  try {
    return await Promise.race([query, late])
  } finally {
    clearTimeout(timer)
    // The abandoned query may still fail later; that failure is already accounted for.
    query.catch(() => {})
  }
}

/** Sends reads to the primary for REPLICA_REST_MS; says so once when the replica starts resting. */
function rest(reason: string, error: unknown): void {
  if (Date.now() >= restingUntil) {
    const detail = error instanceof Error ? error.message.split('\n').at(-1) : String(error)
    console.warn(`Read replica ${reason} (${detail}); reading the primary for the next ${REPLICA_REST_MS / 1000} s.`)
  }
  restingUntil = Date.now() + REPLICA_REST_MS
}
