import { defineConfig, devices } from '@playwright/test'

// Browser tests run the production build against a fresh, seeded embedded database.
const PORT = Number(process.env.E2E_PORT ?? 3100)
const DATA_DIR = process.env.E2E_PGLITE_DIR ?? `/tmp/sipas-e2e-${process.pid}`
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
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { baseURL: `http://localhost:${PORT}`, locale: 'vi-VN', launchOptions: chromium, trace: 'off' },
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
  webServer: {
    command: [
      `rm -rf ${DATA_DIR}`,
      'npx vite-node --config vitest.config.ts scripts/migrate.ts',
      'npx vite-node --config vitest.config.ts scripts/seed.ts',
      'node build/server.js',
    ].join(' && '),
    env: {
      PGLITE_DIR: DATA_DIR,
      PORT: String(PORT),
      SEED_RESPONSES: '2000',
      NODE_ENV: 'production',
      SESSION_SECRET: 'e2e-session-secret-0123456789',
      ALLOW_DEMO_SEED: '1',
    },
    url: `http://localhost:${PORT}/readyz`,
    timeout: 180_000,
    reuseExistingServer: false,
  },
})
