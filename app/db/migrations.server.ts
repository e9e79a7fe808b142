import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils'
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm'
import { pgliteAdapterFactory } from './adapters.server'

/**
 * Migrations in Prisma's own format, applied by Prisma's WASM schema engine (the engine behind
 * `prisma migrate deploy`), because the native engine cannot be downloaded on these machines.
 * See docs/decisions/001-offline-migrations.md.
 */
export const MIGRATIONS_DIR = resolve('prisma/migrations')
export const SCHEMA_PATH = resolve('prisma/schema.prisma')

const NO_FILTERS = { externalTables: [], externalEnums: [] }

export function readMigrations(dir = MIGRATIONS_DIR): MigrationList {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  }
}

type Bindgen = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void
  SchemaEngine: typeof SchemaEngine
}

let bindgen: Promise<Bindgen> | undefined

async function loadSchemaEngine(): Promise<typeof SchemaEngine> {
  bindgen ??= (async () => {
    // The package's exports map hides the .wasm file, so it is located next to its JS glue.
    const require = createRequire(import.meta.url)
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as Bindgen
    const bytes = readFileSync(join(dirname(gluePath), 'schema_engine_bg.wasm'))
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never })
    bg.__wbg_set_wasm(instance.exports)
    ;(instance.exports.__wbindgen_start as () => void)()
    return bg
  })()
  return (await bindgen).SchemaEngine
}

// NOTE: the WASM engine is not re-entrant: two engines working at once in one process crash it,
// so calls are queued.
let queue: Promise<unknown> = Promise.resolve()

function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const next = queue.then(() => runEngine(factory, run))
  queue = next.catch(() => undefined)
  return next
}

async function runEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const Engine = await loadSchemaEngine()
  const schema = readFileSync(SCHEMA_PATH, 'utf8')
  const connections = closingConnections(factory)
  const engine = await Engine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(connections.factory),
  )
  try {
    return await run(engine)
  } finally {
    engine.free()
    await connections.close()
  }
}

/**
 * The factory, remembering the PostgreSQL connections the engine opens so they can be closed
 * when it is done. NOTE: freeing the engine leaves its pool open, and with it the advisory lock
 * Prisma takes while migrating: the next migration in the process waited ~10 s for the pool's
 * idle timeout. PGlite instances belong to the caller and stay open.
 */
function closingConnections(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: { dispose(): Promise<void> }[] = []
  const remember = async <A extends { dispose(): Promise<void> }>(connecting: Promise<A>) => {
    const adapter = await connecting
    if (factory instanceof PrismaPg) opened.push(adapter)
    return adapter
  }
  const closing: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => remember(factory.connect()),
    connectToShadowDb: () => remember(factory.connectToShadowDb()),
  }
  return { factory: closing, close: () => Promise.all(opened.splice(0).map((adapter) => adapter.dispose())) }
}

/** Applies pending migrations and records them in `_prisma_migrations`; returns their names. */
export async function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  migrations: MigrationList = readMigrations(),
): Promise<string[]> {
  return withEngine(factory, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTERS })
    return output.appliedMigrationNames
  })
}

/**
 * SQL that takes a database migrated with `migrations` to the schema in `schemaText`; empty
 * when they agree. Runs on in-memory PGlite only (the engine cannot diff through adapter-pg).
 */
export async function diffMigrationsToSchema(
  schemaText = readFileSync(SCHEMA_PATH, 'utf8'),
  migrations: MigrationList = readMigrations(),
): Promise<string> {
  const pglite = new PGlite('memory://')
  try {
    return await withEngine(pgliteAdapterFactory(pglite), async (engine) => {
      const result = await engine.diff({
        from: migrations.migrationDirectories.length ? { tag: 'migrations', ...migrations } : { tag: 'empty' },
        to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schemaText }] },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      })
      return (result.stdout ?? '').replace(/^-- This is an empty migration\.\s*$/m, '').trim()
    })
  } finally {
    await pglite.close()
  }
}
