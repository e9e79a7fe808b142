import { prisma as appDatabase } from '~/db.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { readMigrations } from './migrations.server'

/**
 * How long readiness waits on the database. A load balancer polls /readyz to decide whether to
 * send traffic here: a database that does not answer (a lock held on the table read below, a
 * stopped server) must make it "not ready" within this, not hang the probe.
 */
export const READINESS_DEADLINE_MS = 1_000

export type Readiness =
  | { ready: true }
  | { ready: false; reason: 'database-unreachable' | 'database-timeout' | 'migrations-pending'; pending?: string[] }

/** Ready = the database (the app's unless given) answers in time and every migration on disk has been applied. */
export async function checkReadiness(prisma: PrismaClient = appDatabase): Promise<Readiness> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READINESS_DEADLINE_MS)
  })
  let applied: string[] | 'timeout'
  try {
    applied = await Promise.race([appliedMigrations(prisma), deadline])
  } catch (error) {
    // A missing _prisma_migrations table means nothing was ever migrated.
    if (isUndefinedTable(error)) return { ready: false, reason: 'migrations-pending' }
    return { ready: false, reason: 'database-unreachable' }
  } finally {
    clearTimeout(timer)
  }
  if (applied === 'timeout') return { ready: false, reason: 'database-timeout' }
  const pending = readMigrations()
    .migrationDirectories.map((dir) => dir.path)
    .filter((name) => !applied.includes(name))
  return pending.length ? { ready: false, reason: 'migrations-pending', pending } : { ready: true }
}

/**
 * The names of the applied migrations. PostgreSQL gives up on the query at the deadline too
 * (statement_timeout, for this transaction only): otherwise every probe answered "not ready"
 * would leave a pooled connection waiting behind the lock, until the pool ran dry for the app.
 */
async function appliedMigrations(prisma: PrismaClient): Promise<string[]> {
  const [, rows] = await prisma.$transaction([
    prisma.$queryRaw`SELECT set_config('statement_timeout', ${String(READINESS_DEADLINE_MS)}, true)`,
    prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  ])
  return rows.map((row) => row.migration_name)
}

function isUndefinedTable(error: unknown) {
  return error instanceof Error && /_prisma_migrations.*does not exist|42P01/.test(error.message)
}
