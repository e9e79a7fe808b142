import type { Database } from '~/db/connect.server'

/** The database test/setup-integration.ts created for the current test file. */
export function testDatabase(): Database & { url?: string } {
  const database = globalThis.__sipasDb
  if (!database) throw new Error('No test database: is this an *.integration.test.ts file?')
  return database
}
