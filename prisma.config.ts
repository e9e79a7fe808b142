import { defineConfig } from 'prisma/config'

// Only `generate`, `validate` and `format` run through the CLI (scripts/prisma.mjs);
// migrations are applied by the WASM schema engine (app/db/migrations.server.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
