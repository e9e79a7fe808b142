import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { diffMigrationsToSchema, SCHEMA_PATH } from './migrations.server'

// The migrations folder must describe exactly prisma/schema.prisma.
test('schema.prisma and the migrations agree', async () => {
  expect(await diffMigrationsToSchema()).toBe('')
}, 180_000)

test('a schema changed without a migration is reported as drift', async () => {
  const changed = readFileSync(SCHEMA_PATH, 'utf8').replace('model Setting {', 'model Setting {\n  driftProbe String?')
  expect(await diffMigrationsToSchema(changed)).toMatch(/ALTER TABLE "Setting" ADD COLUMN\s+"driftProbe" TEXT/)
}, 180_000)
