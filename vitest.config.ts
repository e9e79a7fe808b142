import { defineConfig } from 'vitest/config'
import tsconfigPaths from 'vite-tsconfig-paths'

// Vitest runs without the Remix plugin (it cannot load outside the app build). Integration
// tests run twice, once per database engine; test/db.ts reads TEST_ENGINE.
const integration = (engine: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: `integration-${engine}`,
    include: ['app/**/*.integration.test.ts', 'test/**/*.integration.test.ts', 'prisma/**/*.integration.test.ts'],
    env: { TEST_ENGINE: engine },
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-integration.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: one file per worker pair keeps PGlite's memory and the PG server in check.
    maxWorkers: 2,
    minWorkers: 1,
  },
})

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['app/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', 'test/e2e/**', 'node_modules/**'],
        },
      },
      integration('pglite'),
      integration('postgres'),
    ],
  },
})
