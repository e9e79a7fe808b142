import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { inject } from 'vitest'
import type { Database } from '~/db/connect.server'

/** The database test/setup-integration.ts created for the current test file. */
export function testDatabase(): Database & { url?: string } {
  const database = globalThis.__sipasDb
  if (!database) throw new Error('No test database: is this an *.integration.test.ts file?')
  return database
}

/**
 * A new PGlite copied from a cluster test/global-setup.ts prepared: the migrated template, or
 * the empty cluster (initdb only) for tests that migrate themselves. A copy costs a fraction of
 * an initdb.
 */
export function copyPglite(cluster: 'pgliteTemplate' | 'pgliteEmpty'): Promise<PGlite> {
  return PGlite.create({ loadDataDir: new Blob([readFileSync(inject(cluster))]) })
}
