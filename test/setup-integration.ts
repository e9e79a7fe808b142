import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, inject } from 'vitest'
import { connect, type Database } from '~/db/connect.server'
import { copyPglite } from './database'
import { databaseUrlFor, requirePostgresUrl } from './postgres-url'

/**
 * Runs before each integration test file: gives the file a fresh, migrated database of the
 * engine under test and makes it the app's database, so tests call the real *.server.ts code.
 */
let dropClone: (() => Promise<void>) | undefined
const database = process.env.TEST_ENGINE === 'postgres' ? await clonePostgres() : await clonePglite()
globalThis.__sipasDb = database

afterAll(async () => {
  // A submission's background fold must not run against a closed database. (Imported here: a
  // static import would load ~/db.server before this file has set the clone as its database.)
  const { settleRollupFolds } = await import('~/aggregation/rollup-fold.server')
  await settleRollupFolds()
  await database.close()
  await dropClone?.()
})

async function clonePglite(): Promise<Database> {
  return connect({ pglite: await copyPglite('pgliteTemplate') })
}

async function clonePostgres(): Promise<Database & { url: string }> {
  const serverUrl = requirePostgresUrl()
  const name = `sipas_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await withRetry(() => admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`))
  const url = databaseUrlFor(serverUrl, name)
  dropClone = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
  return { ...connect({ databaseUrl: url, poolSize: 5 }), url }
}

// Two files cloning the template at the same instant can collide ("being accessed by other users").
async function withRetry<T>(run: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= attempts || !/being accessed by other users/.test(String(error))) throw error
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt))
    }
  }
}
