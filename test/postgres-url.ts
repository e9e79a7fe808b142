/**
 * The PostgreSQL server for integration tests. `npm test` starts a throwaway cluster and sets
 * TEST_DATABASE_URL; the suite fails rather than skips without one.
 */
export function requirePostgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: run `npm test` (it starts a throwaway PostgreSQL cluster) or point it at a server.',
    )
  }
  return url
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}
