import { defineConfig } from 'vitest/config'
import tsconfigPaths from 'vite-tsconfig-paths'

// Vitest runs without the Remix plugin (it cannot load outside the app build). Integration
// tests run twice, once per database engine; test/setup-integration.ts reads TEST_ENGINE.
const integration = (engine: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: `integration-${engine}`,
    include: ['app/**/*.integration.test.ts', 'test/**/*.integration.test.ts', 'prisma/**/*.integration.test.ts'],
    env: { TEST_ENGINE: engine },
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-integration.ts'],
    // Generous: two workers share two cores, and a PGlite file that seeds hundreds of responses
    // takes 15 s alone but several times that beside a busy neighbour.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    // NOTE: Vitest reads maxWorkers only from the root config (a project's own is ignored), and
    // its default on two cores is one worker: every file would run alone. Two workers keep both
    // cores busy; `npm test` runs all three projects in one invocation so they share them.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // No database and no process-wide state: threads start faster than forked processes.
          pool: 'threads' as const,
          include: ['app/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', 'test/e2e/**', 'node_modules/**'],
        },
      },
      integration('pglite'),
      integration('postgres'),
    ],
  },
})
