import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaClient } from '~/generated/prisma/client'
import { pgliteAdapterFactory, postgresAdapterFactory } from './adapters.server'

export type Engine = 'pglite' | 'postgres'

export type Database = {
  prisma: PrismaClient
  engine: Engine
  /**
   * The PostgreSQL server's URL (null on PGlite), for work that needs a connection of its own
   * outside Prisma: a COPY stream (app/export/microdata.server.ts).
   */
  serverUrl: string | null
  /**
   * A hot standby of the server that read-only units of work may read (app/db/replica.server.ts,
   * docs/decisions/024-read-replica.md); null reads everything from `prisma`.
   */
  replica: Replica | null
  close(): Promise<void>
}

export type Replica = { prisma: PrismaClient; serverUrl: string }

/**
 * How long the replica's pool waits for a connection to open: a replica that does not answer
 * must send reads to the primary within a request's time, not after the operating system's
 * TCP timeout.
 */
const REPLICA_CONNECT_TIMEOUT_MS = 1_000

export type ConnectOptions =
  | { databaseUrl: string; poolSize?: number; replicaUrl?: string }
  | { pgliteDir: string }
  | { pglite: PGlite }

/** One way to open the database: a PostgreSQL server by URL, or an embedded PGlite. */
export function connect(options: ConnectOptions): Database {
  if ('databaseUrl' in options) {
    const prisma = new PrismaClient({ adapter: postgresAdapterFactory(options.databaseUrl, options.poolSize) })
    const replica = options.replicaUrl ? connectReplica(options.replicaUrl, options.poolSize) : null
    return {
      prisma,
      engine: 'postgres',
      serverUrl: options.databaseUrl,
      replica,
      async close() {
        await Promise.all([prisma.$disconnect(), replica?.prisma.$disconnect()])
      },
    }
  }
  const pglite = 'pglite' in options ? options.pglite : openPglite(options.pgliteDir)
  const prisma = new PrismaClient({ adapter: pgliteAdapterFactory(pglite) })
  return {
    prisma,
    engine: 'pglite',
    serverUrl: null,
    replica: null,
    async close() {
      await prisma.$disconnect()
      if (!pglite.closed) await pglite.close()
    },
  }
}

function connectReplica(url: string, poolSize?: number): Replica {
  const adapter = postgresAdapterFactory(url, poolSize, { connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS })
  return { prisma: new PrismaClient({ adapter }), serverUrl: url }
}

export function openPglite(dir: string): PGlite {
  const path = resolve(dir)
  // PGlite creates only the last path segment.
  mkdirSync(dirname(path), { recursive: true })
  return new PGlite(path)
}
