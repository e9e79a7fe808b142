import { SubmissionError, UNAVAILABLE_RETRY_AFTER_SECONDS } from './errors'

/**
 * How long a submission may wait on the database before the client hears 503: the contract
 * promises an answer within 2 s, never a hang. The rest of the 2 s is for answering, and for
 * whatever else the process must do at that moment: a hundred submissions that reach the deadline
 * together (a lock held on the table) took 0.26 s to answer on two cores, and the pages waiting on
 * the same exhausted pool render their 503 pages at about the same time, which delays the
 * deadline's own timer. With 1.5 s the slowest 503 took 1.6–1.7 s on a quiet machine and 2.25 s on
 * a busy one (test/faults/held-lock.fault.ts). A normal submission takes tens of milliseconds
 * (docs/performance.md), so 1 s sheds nothing a client still waits for. A write still running at
 * the deadline may commit afterwards; the client's retry with the same id then gets 200 and the
 * same receipt.
 */
export const SUBMISSION_DEADLINE_MS = 1_000

export function databaseUnavailable(): SubmissionError {
  return new SubmissionError(503, 'database_unavailable', { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS })
}

// Driver-adapter error kinds (@prisma/driver-adapter-utils) and Prisma codes meaning "no database
// right now": can't reach, timed out, connection closed, pool exhausted.
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'])
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])
// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01–57P03 (shutdown, cannot connect now),
// 53300 (too many connections), 55P03 (a lock not granted within lock_timeout: someone else holds it).
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]$|53300$|55P03$)/
const UNAVAILABLE_MESSAGE =
  /Connection terminated|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server/i

/** Whether `error` means the database cannot be used at the moment (as opposed to a bad query or row). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  const visit = (value: unknown): boolean => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return false
    seen.add(value)
    const record = value as Record<string, unknown>
    if (typeof record.kind === 'string' && UNAVAILABLE_KINDS.has(record.kind)) return true
    if (record.kind === 'postgres' && typeof record.code === 'string' && UNAVAILABLE_SQLSTATE.test(record.code)) return true
    if (typeof record.code === 'string' && UNAVAILABLE_PRISMA_CODES.has(record.code)) return true
    if (typeof record.code === 'string' && typeof record.severity === 'string' && UNAVAILABLE_SQLSTATE.test(record.code)) return true
    if (typeof record.message === 'string' && UNAVAILABLE_MESSAGE.test(record.message)) return true
    return ['cause', 'meta', 'driverAdapterError'].some((key) => visit(record[key]))
  }
  return visit(error)
}

export type DatabaseGuard = {
  /**
   * Runs database work against the guard's deadline: past it, or when the database cannot be
   * reached, throws SubmissionError 503 with a Retry-After; other errors pass through.
   */
  run<T>(work: () => Promise<T>): Promise<T>
  /** Stops the deadline's timer (call when the submission is answered). */
  end(): void
}

/**
 * One deadline (epoch ms) for every database step of a submission. One timer for all of them,
 * not one per step: a submission takes four or five steps, and the timers were a measurable part
 * of the server's work per submission.
 */
export function databaseGuard(deadline: number): DatabaseGuard {
  let timer: ReturnType<typeof setTimeout> | undefined
  let expired: Promise<never> | undefined
  const deadlinePassed = () =>
    (expired ??= new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(databaseUnavailable()), Math.max(0, deadline - Date.now()))
    }))
  return {
    async run(work) {
      try {
        return await Promise.race([work(), deadlinePassed()])
      } catch (error) {
        if (!(error instanceof SubmissionError) && isDatabaseUnavailable(error)) throw databaseUnavailable()
        throw error
      }
    },
    end() {
      clearTimeout(timer)
    },
  }
}
