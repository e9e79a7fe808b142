import { defineConfig, devices } from '@playwright/test'

/*
 * Browser tests run the production build against a fresh, seeded embedded database. Two workers,
 * each with a server of its own (ports E2E_PORT and E2E_PORT + 1, the second on a copy of the
 * first's seeded database): a test still meets a server no other test is using at the same time,
 * so counts of stored responses and server-wide settings stay its own. Playwright loads this file
 * again in every worker with TEST_PARALLEL_INDEX set (0 or 1, unique among running workers), which
 * is how a worker's `baseURL` names its server.
 */
const WORKERS = 2
const PORT = Number(process.env.E2E_PORT ?? 3100)
const WORKER_PORT = PORT + Number(process.env.TEST_PARALLEL_INDEX ?? 0)
const DATA_DIR = process.env.E2E_PGLITE_DIR ?? `/tmp/sipas-e2e-${process.pid}`
const dataDir = (worker: number) => `${DATA_DIR}-${worker}`
const SERVER_ENV = {
  SEED_RESPONSES: '2000',
  NODE_ENV: 'production',
  SESSION_SECRET: 'e2e-session-secret-0123456789',
  ALLOW_DEMO_SEED: '1',
}
const chromium = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

const KIOSK_SPEC = 'kiosk.spec.ts'
const kiosk = { ...devices['Desktop Chrome'], hasTouch: true, launchOptions: chromium }

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 30_000,
  // Two cores shared by Chromium, the server and its embedded database: a sign-in (argon2) or a
  // page can take a few seconds longer than on an idle machine.
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: WORKERS,
  retries: 0,
  reporter: [['list']],
  use: { baseURL: `http://localhost:${WORKER_PORT}`, locale: 'vi-VN', launchOptions: chromium, trace: 'off' },
  projects: [
    { name: 'phone', testIgnore: KIOSK_SPEC, use: { ...devices['Pixel 5'], launchOptions: chromium } },
    // A tablet on a stand at a one-stop desk, both ways up; only the kiosk spec runs here.
    { name: 'kiosk-landscape', testMatch: KIOSK_SPEC, use: { ...kiosk, viewport: { width: 1280, height: 800 } } },
    // Upright, only the walk through every screen: the queue, offline and timeout behaviour do
    // not depend on the layout, and running them twice cost two minutes of the suite.
    {
      name: 'kiosk-portrait',
      testMatch: KIOSK_SPEC,
      grep: /every screen is accessible/,
      use: { ...kiosk, viewport: { width: 800, height: 1280 } },
    },
  ],
  // Started one after the other: the first migrates and seeds once, copies the database for the
  // others, then serves; the others only serve their copy.
  webServer: Array.from({ length: WORKERS }, (_, worker) => ({
    command: (worker === 0
      ? [
          `rm -rf ${DATA_DIR}-*`,
          'npx vite-node --config vitest.config.ts scripts/migrate.ts',
          'npx vite-node --config vitest.config.ts scripts/seed.ts',
          ...Array.from({ length: WORKERS - 1 }, (_, other) => `cp -r ${dataDir(0)} ${dataDir(other + 1)}`),
          'node build/server.js',
        ]
      : ['node build/server.js']
    ).join(' && '),
    env: { ...SERVER_ENV, PGLITE_DIR: dataDir(worker), PORT: String(PORT + worker) },
    url: `http://localhost:${PORT + worker}/readyz`,
    // The first also migrates and seeds 2,000 responses: generous, for a loaded machine.
    timeout: 300_000,
    reuseExistingServer: false,
  })),
})
