import { connect, type Database } from './db/connect.server'
import { env } from './env.server'

declare global {
  // Kept across dev-server reloads so HMR never opens a second PGlite on the same directory.
  var __sipasDb: Database | undefined
}

export const db: Database = (globalThis.__sipasDb ??= env.DATABASE_URL
  ? connect({ databaseUrl: env.DATABASE_URL, replicaUrl: env.DATABASE_REPLICA_URL })
  : connect({ pgliteDir: env.PGLITE_DIR }))

export const prisma = db.prisma
