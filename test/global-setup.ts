import { writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { pgliteAdapterFactory, postgresAdapterFactory } from '~/db/adapters.server'
import { applyMigrations } from '~/db/migrations.server'
import { databaseUrlFor, requirePostgresUrl } from './postgres-url'

declare global {
  var __sipasApplyMigrations: typeof applyMigrations | undefined
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
    pgliteEmpty: string
    postgresTemplate: string
  }
}

/*
 * NOTE: Vitest loads this file once per project, each copy with its own ~/db/migrations.server,
 * but the WASM schema engine's JS glue is a single Node module per process: a second copy
 * re-initialises it under the first and the process dies without a word. When both integration
 * projects run in one invocation, both therefore migrate through the first copy.
 */
const migrate = (globalThis.__sipasApplyMigrations ??= applyMigrations)

/**
 * Migrates one template database per engine; every test file then gets its own copy
 * (test/setup-integration.ts), which is much cheaper than migrating per file.
 */
export default async function setup(project: TestProject) {
  if (project.name === 'integration-pglite') return setupPglite(project)
  return setupPostgres(project)
}

async function setupPglite(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'sipas-pglite-'))
  const pglite = await PGlite.create('memory://')
  // The cluster before migrating too: tests that need an empty database copy it rather than
  // pay for another initdb.
  project.provide('pgliteEmpty', await writeDump(pglite, join(dir, 'empty.tar')))
  await migrate(pgliteAdapterFactory(pglite))
  project.provide('pgliteTemplate', await writeDump(pglite, join(dir, 'template.tar')))
  await pglite.close()
  return () => rmSync(dir, { recursive: true, force: true })
}

async function writeDump(pglite: PGlite, file: string): Promise<string> {
  const dump = await pglite.dumpDataDir('none')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  return file
}

async function setupPostgres(project: TestProject) {
  const serverUrl = requirePostgresUrl()
  const template = `sipas_template_${process.pid}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${template}`)
  await admin.query(`CREATE DATABASE ${template}`)
  const factory = postgresAdapterFactory(databaseUrlFor(serverUrl, template), 1)
  // The migration closes its connections (app/db/migrations.server.ts): a template must have
  // none open when it is copied.
  await migrate(factory)
  project.provide('postgresTemplate', template)
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
    await admin.end()
  }
}
