// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
import { pgliteAdapterFactory, postgresAdapterFactory } from '~/db/adapters.server'
import { openPglite } from '~/db/connect.server'
import { applyMigrations } from '~/db/migrations.server'
import { env } from '~/env.server'

const pglite = env.DATABASE_URL ? undefined : openPglite(env.PGLITE_DIR)
const factory = pglite ? pgliteAdapterFactory(pglite) : postgresAdapterFactory(env.DATABASE_URL!)
try {
  const applied = await applyMigrations(factory)
  console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.')
} catch (error) {
  console.error('Migration failed:', error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await pglite?.close()
}
if (!process.exitCode) {
  // Responses stored before a rollup table existed get its cells (docs/decisions/029-index-intervals.md).
  const { db } = await import('~/db.server')
  const { rebuildMissingPairRollups } = await import('~/aggregation/recompute.server')
  if ((await rebuildMissingPairRollups()).rebuilt) console.log('Rebuilt the rollups: index answer pairs were missing.')
  await db.close()
}
// The schema engine leaves a timer running.
process.exit()
