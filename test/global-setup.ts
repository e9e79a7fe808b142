import { writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { pgliteAdapterFactory, postgresAdapterFactory } from '~/db/adapters.server'
import { applyMigrations } from '~/db/migrations.server'
import { databaseUrlFor, requirePostgresUrl } from './postgres-url'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
    postgresTemplate: string
  }
}

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
  const pglite = new PGlite('memory://')
  await applyMigrations(pgliteAdapterFactory(pglite))
  const dump = await pglite.dumpDataDir('none')
  await pglite.close()
  const file = join(dir, 'template.tar')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteTemplate', file)
  return () => rmSync(dir, { recursive: true, force: true })
}

async function setupPostgres(project: TestProject) {
  const serverUrl = requirePostgresUrl()
  const template = `sipas_template_${process.pid}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${template}`)
  await admin.query(`CREATE DATABASE ${template}`)
  const factory = postgresAdapterFactory(databaseUrlFor(serverUrl, template), 1)
  await applyMigrations(factory)
  // A template must have no open connections when it is copied.
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [template],
  )
  project.provide('postgresTemplate', template)
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
    await admin.end()
  }
}
