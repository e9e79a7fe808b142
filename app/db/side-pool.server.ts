import pg from 'pg'
import { db } from '~/db.server'

/*
 * A few connections of the app server's own beside Prisma's pool, for the work that coordinates
 * several app servers (docs/decisions/023-several-app-servers.md): the shared rate limits
 * (rate-limiter-flexible's RateLimiterPostgres takes a pg Pool) and session advisory locks, which
 * need one connection from lock to unlock where Prisma hands each query any connection of its pool.
 * There is none on PGlite: one process by construction, nothing to coordinate.
 */

/**
 * Rate-limit queries are short; a lock holder keeps one connection for the job's length. With 4,
 * the background fold waited past the timeout behind the rate limits of a busy server.
 */
const SIDE_POOL_SIZE = 8
/**
 * Longest wait for a connection or an answer: a rate limit is asked on the submission path, whose
 * deadline is SUBMISSION_DEADLINE_MS (1 s); past this the caller falls back (rate-limit.server.ts),
 * and the submission's own guard has answered 503 by then.
 */
const SIDE_TIMEOUT_MS = 1_000

let pool: pg.Pool | undefined

/** The side pool on the PostgreSQL server, or null on PGlite. */
export function sidePool(): pg.Pool | null {
  if (!db.serverUrl) return null
  if (!pool) {
    // Idle connections must not keep a finished script alive.
    pool = new pg.Pool({
      connectionString: db.serverUrl,
      max: SIDE_POOL_SIZE,
      allowExitOnIdle: true,
      connectionTimeoutMillis: SIDE_TIMEOUT_MS,
      query_timeout: SIDE_TIMEOUT_MS,
      // A rate-limit window is bookkeeping, not an answer anyone was promised: its update need not
      // wait for the WAL to reach the disk (a crash forgets the last moments of a window, which
      // only lets a few requests more through). Waiting for the flush made every request pay one,
      // and held the window's row locked meanwhile, so requests of one kiosk queued behind it.
      options: '-c synchronous_commit=off',
    })
    // An idle connection cut by a database restart is an 'error' on the pool: the pool drops the
    // connection and opens a new one on the next query, so this only says so.
    pool.on('error', (error) => console.error('side pool: an idle connection failed:', error.message))
    // A connection the database drops while it is checked out has no listener of pg-pool's, and
    // an 'error' nobody hears ends the process. It can come before the borrower could add one: the
    // server's shutdown notice in the same packet as the answer to the connection's start-up. So
    // each connection gets a listener for its whole life; its borrower still sees the failure as
    // the failed query.
    pool.on('connect', (connection) => connection.on('error', () => {}))
  }
  return pool
}

/** Closes the side pool (on shutdown). */
export async function closeSidePool(): Promise<void> {
  const closing = pool
  pool = undefined
  await closing?.end()
}
