import { sidePool } from './side-pool.server'

/*
 * Jobs that one app server at a time should run (docs/decisions/023-several-app-servers.md): a
 * PostgreSQL session advisory lock, taken without waiting on a side connection and held for the
 * job's length. A server that dies mid-job loses its connection, and with it the lock. On PGlite
 * there is one process: the job just runs.
 */

export type LockName = 'maintenance' | 'rollup-fold' | 'recent-submissions'

export type AloneOutcome<T> = { ran: true; value: T } | { ran: false }

/** Runs `job` unless another app server holds `name`'s lock; then returns at once with `ran: false`. */
export async function runAlone<T>(name: LockName, job: () => Promise<T>): Promise<AloneOutcome<T>> {
  const pool = sidePool()
  if (!pool) return { ran: true, value: await job() }
  const connection = await pool.connect()
  let released = false
  const release = (error?: Error) => {
    if (released) return
    released = true
    connection.off('error', lost)
    connection.release(error)
  }
  // pg-pool listens for errors only on idle connections: one held here that the database drops
  // (a restart, an immediate stop) would otherwise be an unhandled 'error' that ends the process.
  // The lock went with it; the job's own queries fail on their own connections.
  const lost = (error: Error) => release(error)
  connection.on('error', lost)
  try {
    const { rows } = await connection.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`,
      [`sipas:${name}`],
    )
    if (!rows[0]?.locked) return { ran: false }
    try {
      return { ran: true, value: await job() }
    } finally {
      await connection.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [`sipas:${name}`]).catch((error: Error) => {
        // The lock goes with the connection: closing it (release with an error) frees the lock.
        release(error)
      })
    }
  } finally {
    release()
  }
}
