// Runs the Prisma CLI without its native schema engine, which cannot be downloaded here.
// `generate`, `validate` and `format` only need the engine's path to exist; migrations go
// through the WASM engine instead (scripts/migrate.ts).
import { spawnSync } from 'node:child_process'

const result = spawnSync('npx', ['--no-install', 'prisma', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
})
process.exit(result.status ?? 1)
