import type { PrismaClient } from '~/generated/prisma/client'
import { readMigrations } from './migrations.server'

export type Readiness = { ready: true } | { ready: false; reason: 'database-unreachable' | 'migrations-pending'; pending?: string[] }

/** Ready = the database answers and every migration on disk has been applied. */
export async function checkReadiness(prisma: PrismaClient): Promise<Readiness> {
  let applied: string[]
  try {
    const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    applied = rows.map((row) => row.migration_name)
  } catch (error) {
    // A missing _prisma_migrations table means nothing was ever migrated.
    if (isUndefinedTable(error)) return { ready: false, reason: 'migrations-pending' }
    return { ready: false, reason: 'database-unreachable' }
  }
  const pending = readMigrations()
    .migrationDirectories.map((dir) => dir.path)
    .filter((name) => !applied.includes(name))
  return pending.length ? { ready: false, reason: 'migrations-pending', pending } : { ready: true }
}

function isUndefinedTable(error: unknown) {
  return error instanceof Error && /_prisma_migrations.*does not exist|42P01/.test(error.message)
}
