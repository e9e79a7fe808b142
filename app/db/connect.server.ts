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
  close(): Promise<void>
}

export type ConnectOptions =
  | { databaseUrl: string; poolSize?: number }
  | { pgliteDir: string }
  | { pglite: PGlite }

/** One way to open the database: a PostgreSQL server by URL, or an embedded PGlite. */
export function connect(options: ConnectOptions): Database {
  if ('databaseUrl' in options) {
    const prisma = new PrismaClient({ adapter: postgresAdapterFactory(options.databaseUrl, options.poolSize) })
    return { prisma, engine: 'postgres', serverUrl: options.databaseUrl, close: () => prisma.$disconnect() }
  }
  const pglite = 'pglite' in options ? options.pglite : openPglite(options.pgliteDir)
  const prisma = new PrismaClient({ adapter: pgliteAdapterFactory(pglite) })
  return {
    prisma,
    engine: 'pglite',
    serverUrl: null,
    async close() {
      await prisma.$disconnect()
      if (!pglite.closed) await pglite.close()
    },
  }
}

export function openPglite(dir: string): PGlite {
  const path = resolve(dir)
  // PGlite creates only the last path segment.
  mkdirSync(dirname(path), { recursive: true })
  return new PGlite(path)
}
