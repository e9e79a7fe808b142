// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the existing migrations and prisma/schema.prisma.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { diffMigrationsToSchema, MIGRATIONS_DIR } from '~/db/migrations.server'

const name = process.argv.slice(2).find((arg) => arg !== '--')
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <name in snake_case>')
  process.exit(2)
}
const sql = await diffMigrationsToSchema()
if (!sql) {
  console.log('schema.prisma and the migrations agree: nothing to write.')
  process.exit(0)
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`)
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, 'migration.sql'), `${sql}\n`)
console.log(`Wrote ${dir}/migration.sql`)
// The schema engine leaves a timer running.
process.exit(0)
