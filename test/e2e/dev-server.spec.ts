import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

/*
 * `npm run dev` and `npm start` are one server (docs/decisions/017-one-server.md): the
 * development server (tsx, Vite in middleware mode, on a freshly migrated throwaway PGlite)
 * answers the same requests with the same headers as the production build the other specs use.
 * Only values that must differ are ignored: the CSP nonce, Date, ETag, Last-Modified (the
 * build copies public/), Content-Length.
 */

const REQUESTS: { name: string; path: string; init?: RequestInit }[] = [
  { name: 'a public page', path: '/privacy' },
  { name: 'the home page', path: '/' },
  { name: 'a staff page, signed out', path: '/dashboard' },
  { name: 'an unknown page', path: '/no-such-page' },
  { name: 'a static file', path: '/favicon.svg' },
  { name: 'data for a client-side navigation', path: '/rankings.data' },
  {
    name: 'a submission with a bad body',
    path: '/api/submissions',
    init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"id": ' },
  },
  { name: 'the readiness check', path: '/readyz' },
]
const IGNORED = new Set(['date', 'etag', 'last-modified', 'content-length'])
// Both servers are asked the same way, as a Vietnamese browser would.
const ASK = { 'Accept-Language': 'vi-VN,vi;q=0.9', Accept: 'text/html,application/json;q=0.9,*/*;q=0.8' }

let dev: ChildProcess | undefined
let devBase = ''
let dataDir = ''

test.beforeAll(async () => {
  test.setTimeout(300_000)
  dataDir = mkdtempSync(join(tmpdir(), 'sipas-dev-server-'))
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: join(dataDir, 'pglite'), NODE_ENV: 'development' }
  execFileSync('npx', ['vite-node', '--config', 'vitest.config.ts', 'scripts/migrate.ts'], { env, stdio: 'ignore' })
  const port = await freePort()
  devBase = `http://127.0.0.1:${port}`
  // Its own process group, so the test can stop tsx and the server it runs together.
  dev = spawn('node_modules/.bin/tsx', ['server/index.ts'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitUntilReady(`${devBase}/readyz`, 240_000)
})

test.afterAll(async () => {
  if (dev?.pid) {
    const exited = new Promise((resolve) => dev!.once('exit', resolve))
    process.kill(-dev.pid, 'SIGTERM')
    await exited
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

for (const { name, path, init } of REQUESTS) {
  test(`${name} (${path}): the same status and headers in development and production`, async ({ baseURL }) => {
    const ask = (base: string) =>
      fetch(`${base}${path}`, { redirect: 'manual', ...init, headers: { ...ASK, ...init?.headers } })
    const [production, development] = await Promise.all([ask(baseURL!), ask(devBase)])
    expect(development.status).toBe(production.status)
    expect(comparable(development.headers)).toEqual(comparable(production.headers))
  })
}

/** Header names and values, less those that must differ; the nonce inside the CSP masked. */
function comparable(headers: Headers) {
  return Object.fromEntries(
    [...headers]
      .filter(([name]) => !IGNORED.has(name))
      .map(([name, value]) => [name, name === 'content-security-policy' ? value.replace(/'nonce-[^']+'/, "'nonce-…'") : value]),
  )
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

async function waitUntilReady(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (dev && dev.exitCode !== null) throw new Error(`the development server exited (${dev.exitCode})`)
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) return
    if (Date.now() > deadline) throw new Error(`the development server was not ready within ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}
