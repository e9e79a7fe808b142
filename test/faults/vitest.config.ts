import { resolve } from 'node:path'
import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

/*
 * The fault tests (test/faults/support.ts): `npm run test:faults` at full size, a step of
 * `npm test` at reduced size after the build. Their own config, not a project of the root one:
 * they need the built server (build/server.js), which a plain `npx vitest run` may not have.
 * Each file owns a throwaway PostgreSQL cluster and app servers, and ~/db.server connects once per
 * process: one process per file (forks), two files at a time.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  plugins: [tsconfigPaths()],
  test: {
    name: 'faults',
    include: ['test/faults/**/*.fault.ts'],
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
})
