import { createServer } from 'node:http'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import type { AppEntry } from './app-entry'
import { createRequestListener } from './app'
import { remixHandler } from './remix'
import { trustProxySetting } from './security'

/*
 * The server, in development (`npm run dev`: tsx, Vite in middleware mode, the app compiled on
 * request) and in production (`npm start`: build/server.js, compiled from this file by
 * `npm run build`, serving the Remix build). Both run the same request path (server/app.ts);
 * docs/decisions/017-one-server.md. Express rather than remix-serve because the embedded PGlite
 * must be closed on shutdown and each request needs a CSP nonce.
 */

const MODE = process.env.NODE_ENV === 'production' ? 'production' : 'development'
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '0.0.0.0'

const server = createServer()
const viteDevServer =
  MODE === 'production'
    ? undefined
    : await import('vite').then((vite) =>
        vite.createServer({
          server: {
            middlewareMode: true,
            // Vite's HMR websocket shares this server's port, so two dev servers never fight over one.
            hmr: { server },
            // Vite's CORS would add `Vary: Origin` to every answer; the app serves only its own origin.
            cors: false,
          },
        }),
      )

const getBuild: () => Promise<ServerBuild> = viteDevServer
  ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  : await import(pathToFileURL(resolve('build/server/index.js')).href).then((build: ServerBuild) => async () => build)
const getEntry = async () => (await getBuild()).entry.module as unknown as AppEntry

const assets = express.Router()
if (viteDevServer) {
  // public/ as production serves it, so a static file has the same headers in both.
  assets.use(express.static('public', { maxAge: '1h' }))
  assets.use(viteDevServer.middlewares)
} else {
  // Fingerprinted assets never change; everything else in public/ is revalidated hourly.
  assets.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
  assets.use(express.static('build/client', { maxAge: '1h' }))
}

server.on(
  'request',
  createRequestListener({
    getEntry,
    assets,
    remix: remixHandler(getBuild, MODE),
    trustProxy: trustProxySetting(process.env.TRUST_PROXY),
  }),
)
server.listen(port, host, () => {
  console.log(`SIPAS is serving on http://localhost:${port}${viteDevServer ? ' (development)' : ''}`)
})

// Retention and clean-up run on a clock in the server itself, so a deployment needs no cron.
const MAINTENANCE_FIRST_RUN_MS = 60 * 1000
const MAINTENANCE_INTERVAL_MS = 6 * 60 * 60 * 1000
async function maintain() {
  try {
    const report = await (await getEntry()).runMaintenance()
    console.log('maintenance:', JSON.stringify(report))
  } catch (error) {
    console.error('maintenance failed:', error)
  }
}
setTimeout(() => {
  void maintain()
  setInterval(() => void maintain(), MAINTENANCE_INTERVAL_MS).unref()
}, MAINTENANCE_FIRST_RUN_MS).unref()

let stopping = false
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return
  stopping = true
  console.log(`${signal}: closing connections and the database`)
  server.close()
  await (await getEntry()).closeDatabase()
  await viteDevServer?.close()
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
