/*
 * `npm run bench:page-load` — the public survey page as a citizen's cheap phone on a poor mobile
 * network gets it: Debian's Chromium (the launch options of playwright.config.ts) through the
 * DevTools protocol, the network throttled to NETWORK (400 kbit/s each way, 400 ms round trip:
 * a weak 4G / good 3G signal) and the CPU slowed 4× (Emulation.setCPUThrottlingRate). Each page
 * is loaded RUNS times cold (a new browser context, cache disabled): the bytes that crossed the
 * network (Network.loadingFinished's encodedDataLength: headers and compressed bodies), the
 * requests, the first byte of the page (the server's time shows here), first contentful paint, largest contentful paint (PerformanceObserver
 * 'largest-contentful-paint') and the load event, medians. Pages: /s/31TP (the first question page
 * of the survey at a service point, the QR code's address) and, for comparison, /kiosk (the kiosk
 * app, which hydrates). Next to them, the same loads unthrottled in the same run.
 *
 * The built production server (`npm run bench:page-load` builds first) runs on a fresh database on
 * BENCH_DATABASE_URL (bench/support.ts) with the demo seed (SEED_RESPONSES, default 500).
 */
import { spawn } from 'node:child_process'
import { chromium, devices, type Page } from '@playwright/test'
import config from '../playwright.config'
import { startAppServer } from '../scripts/infra/app-server'
import { exited } from '../scripts/infra/processes'
import { benchDatabase, loadAverage } from './support'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const NETWORK = { downloadKbit: 400, uploadKbit: 400, latencyMs: 400 }
const CPU_SLOWDOWN = 4
const PAGES = [
  { name: 'survey, first question page', path: '/s/31TP' },
  { name: 'kiosk app (for comparison)', path: '/kiosk' },
]

const started = performance.now()
const database = await benchDatabase('sipas_bench_page')
const seedEnv = { ...process.env, DATABASE_URL: database.url, ALLOW_DEMO_SEED: '1', SEED_RESPONSES: process.env.SEED_RESPONSES ?? '500' }
await run('scripts/migrate.ts', seedEnv)
await run('scripts/seed.ts', seedEnv)
const server = await startAppServer({ databaseUrl: database.url })
const browser = await chromium.launch(config.use!.launchOptions)

type Load = { bytes: number; requests: number; ttfb: number; fcp: number; lcp: number; load: number; status: number }
async function loadPage(path: string, throttled: boolean): Promise<Load> {
  const context = await browser.newContext({ ...devices['Pixel 5'], locale: 'vi-VN' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: NETWORK.latencyMs,
      downloadThroughput: (NETWORK.downloadKbit * 1000) / 8,
      uploadThroughput: (NETWORK.uploadKbit * 1000) / 8,
    })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  }
  let bytes = 0
  let requests = 0
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength
    requests++
  })
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp?: number }
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime
    }).observe({ type: 'largest-contentful-paint', buffered: true })
  })
  const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load', timeout: 120_000 })
  // Requests the page makes after its load event (the kiosk's service worker and config) count too.
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {})
  const timings = await paintTimings(page)
  await context.close()
  return { bytes, requests, ...timings, status: response?.status() ?? 0 }
}

async function paintTimings(page: Page) {
  return page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    return {
      ttfb: navigation?.responseStart ?? NaN,
      fcp,
      lcp: (window as unknown as { __lcp?: number }).__lcp ?? NaN,
      load: navigation?.loadEventEnd ?? NaN,
    }
  })
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const results: { name: string; path: string; throttled: Load; fast: Load }[] = []
for (const { name, path } of PAGES) {
  const medianOf = async (throttled: boolean) => {
    const loads: Load[] = []
    for (let i = 0; i < RUNS; i++) loads.push(await loadPage(path, throttled))
    if (loads.some((l) => l.status !== 200)) throw new Error(`${path} answered ${loads.map((l) => l.status).join(', ')}`)
    return {
      bytes: median(loads.map((l) => l.bytes)),
      requests: median(loads.map((l) => l.requests)),
      ttfb: median(loads.map((l) => l.ttfb)),
      fcp: median(loads.map((l) => l.fcp)),
      lcp: median(loads.map((l) => l.lcp)),
      load: median(loads.map((l) => l.load)),
      status: 200,
    }
  }
  results.push({ name, path, fast: await medianOf(false), throttled: await medianOf(true) })
}
await browser.close()
await server.stop()
await database.drop()

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`
console.log(`bench/page-load — ${new Date().toISOString()}, load average ${loadAverage()} (2 cores)
Workload: Chromium ${browser.version()} headless as a Pixel 5 (viewport, user agent), cold loads (new context, cache disabled), median of ${RUNS}.
Throttled: network ${NETWORK.downloadKbit} kbit/s down, ${NETWORK.uploadKbit} kbit/s up, ${NETWORK.latencyMs} ms round trip (Network.emulateNetworkConditions); CPU ${CPU_SLOWDOWN}× slower (Emulation.setCPUThrottlingRate).
Data: the demo seed (${seedEnv.SEED_RESPONSES} responses) on PostgreSQL; the built production server.`)
for (const r of results) {
  console.log(`${r.name} (${r.path}):
  transferred ${kb(r.throttled.bytes)} in ${r.throttled.requests} requests
  throttled:   first byte ${ms(r.throttled.ttfb)}, first contentful paint ${ms(r.throttled.fcp)}, largest contentful paint ${ms(r.throttled.lcp)}, load ${ms(r.throttled.load)}
  unthrottled: first byte ${ms(r.fast.ttfb)}, first contentful paint ${ms(r.fast.fcp)}, largest contentful paint ${ms(r.fast.lcp)}, load ${ms(r.fast.load)}
  the bytes alone take ${ms((r.throttled.bytes * 8) / NETWORK.downloadKbit)} at ${NETWORK.downloadKbit} kbit/s, plus ${NETWORK.latencyMs} ms per round trip`)
}
console.log(`Total bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`)
process.exit(0)

/** A script of the project's (migrate, seed) in a child vite-node, as npm run db:* runs it. */
async function run(script: string, env: NodeJS.ProcessEnv) {
  const child = spawn('npx', ['vite-node', '--config', 'vitest.config.ts', script], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  await exited(child)
  if (child.exitCode !== 0) throw new Error(`${script} failed (exit ${child.exitCode})`)
}
