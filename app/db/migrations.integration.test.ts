import { randomBytes } from 'node:crypto'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { describe, expect, test } from 'vitest'
import { copyPglite } from '../../test/database'
import { databaseUrlFor, requirePostgresUrl } from '../../test/postgres-url'
import { pgliteAdapterFactory, postgresAdapterFactory } from './adapters.server'
import { connect } from './connect.server'
import { checkReadiness } from './health.server'
import { applyMigrations, readMigrations } from './migrations.server'

const engine = process.env.TEST_ENGINE

/** An empty database of the engine under test, dropped afterwards. */
async function withEmptyDatabase(
  run: (factory: ReturnType<typeof pgliteAdapterFactory>, url?: string) => Promise<void>
) {
  if (engine === 'postgres') {
    const serverUrl = requirePostgresUrl()
    const name = `sipas_empty_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    try {
      await run(postgresAdapterFactory(databaseUrlFor(serverUrl, name), 1), databaseUrlFor(serverUrl, name))
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
      await admin.end()
    }
    return
  }
  const pglite = await copyPglite('pgliteEmpty')
  try {
    await run(pgliteAdapterFactory(pglite))
  } finally {
    await pglite.close()
  }
}

describe(`migrations on ${engine}`, () => {
  test('apply on an empty database, then a second run applies nothing', async () => {
    await withEmptyDatabase(async (factory) => {
      const all = readMigrations().migrationDirectories.map((dir) => dir.path)
      expect(await applyMigrations(factory)).toEqual(all)
      expect(await applyMigrations(factory)).toEqual([])
    })
  })

  test.skipIf(engine !== 'postgres')(
    'the engine closes its connections (and the migration lock) when done',
    async () => {
      await withEmptyDatabase(async (factory, url) => {
        await applyMigrations(factory)
        const observer = new pg.Client({ connectionString: url })
        await observer.connect()
        const { rows } = await observer.query<{ others: number }>(
          `SELECT count(*)::int AS others FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`
        )
        await observer.end()
        expect(rows).toEqual([{ others: 0 }])
      })
    }
  )

  test('a broken migration fails and is recorded as failed, not applied', async () => {
    await withEmptyDatabase(async (factory, url) => {
      const migrations = readMigrations()
      const dir = mkdtempSync(join(tmpdir(), 'sipas-broken-'))
      mkdirSync(join(dir, '99990101000000_broken'))
      writeFileSync(join(dir, '99990101000000_broken', 'migration.sql'), 'ALTER TABLE "NoSuchTable" ADD COLUMN x INT;')
      migrations.migrationDirectories.push({
        path: '99990101000000_broken',
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok', value: 'ALTER TABLE "NoSuchTable" ADD COLUMN x INT;' },
        },
      })
      await expect(applyMigrations(factory, migrations)).rejects.toThrow(/NoSuchTable/)
      const database = url ? connect({ databaseUrl: url, poolSize: 1 }) : undefined
      const prisma = database?.prisma ?? testPrismaOver(factory)
      const rows = await prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
        SELECT migration_name, finished_at FROM _prisma_migrations WHERE migration_name = '99990101000000_broken'`
      expect(rows).toEqual([{ migration_name: '99990101000000_broken', finished_at: null }])
      await database?.close()
    })
  })

  test('answers stored as rows before ADR 014 move onto their response, in item order', async () => {
    await withEmptyDatabase(async (factory, url) => {
      const migrations = readMigrations()
      const arrays = migrations.migrationDirectories.findIndex((dir) => dir.path.endsWith('_answers_on_the_response'))
      expect(arrays).toBeGreaterThan(0)
      await applyMigrations(factory, {
        ...migrations,
        migrationDirectories: migrations.migrationDirectories.slice(0, arrays),
      })
      const database = url ? connect({ databaseUrl: url, poolSize: 1 }) : undefined
      const prisma = database?.prisma ?? testPrismaOver(factory)
      const [answered, unanswered] = ['7f2c1a52-3f61-4a37-9a55-1e0d2b6c4a01', '7f2c1a52-3f61-4a37-9a55-1e0d2b6c4a02']
      for (const id of [answered, unanswered]) {
        await prisma.$executeRaw`
          INSERT INTO "Response" (id, "receiptId", "bodyHash", "versionId", "campaignId", "servicePointId", "agencyId",
            "provinceId", channel, language, "submittedOn")
          VALUES (${id}::uuid, ${`R-${id}`}, 'h', 'v', 'c', 's', 'a', 'p', 'paper', 'vi', '2025-03-01')`
      }
      await prisma.$executeRaw`
        INSERT INTO "Answer" ("responseId", "itemId", value)
        VALUES (${answered}::uuid, 12, 5), (${answered}::uuid, 3, 4), (${answered}::uuid, 12, 2)`

      await applyMigrations(factory)

      const rows = await prisma.$queryRaw<{ id: string; items: number[]; values: number[] }[]>`
        SELECT id::text, "answerItemIds" AS items, "answerValues" AS values FROM "Response" ORDER BY id`
      expect(rows).toEqual([
        { id: answered, items: [3, 12, 12], values: [4, 2, 5] },
        { id: unanswered, items: [], values: [] },
      ])
      const [answerTable] = await prisma.$queryRaw<
        { exists: boolean }[]
      >`SELECT to_regclass('"Answer"') IS NOT NULL AS exists`
      expect(answerTable).toEqual({ exists: false })
      await database?.close()
    })
  })

  test('the test database is ready: reachable and fully migrated', async () => {
    const { testDatabase } = await import('../../test/database')
    expect(await checkReadiness(testDatabase().prisma)).toEqual({ ready: true })
  })
})

function testPrismaOver(factory: ReturnType<typeof pgliteAdapterFactory>) {
  // Same PGlite instance the factory migrated, through a Prisma client.
  const pglite = (factory as unknown as { pglite: PGlite }).pglite
  return connect({ pglite }).prisma
}
