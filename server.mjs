// Production server: Express serving the Remix build. Express rather than remix-serve because
// the embedded PGlite must be closed on shutdown and each request needs a CSP nonce.
import { createServer } from 'node:http'
import { createRequestHandler } from '@remix-run/express'
import compression from 'compression'
import express from 'express'
import { limitRequestBody, securityHeaders, trustProxySetting } from './server/security.mjs'
import { routeSubmissionsFirst } from './server/submissions.mjs'

const build = await import('./build/server/index.js')
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '0.0.0.0'

const app = express()
app.disable('x-powered-by')
const trustProxy = trustProxySetting(process.env.TRUST_PROXY)
if (trustProxy !== undefined) app.set('trust proxy', trustProxy)
// Headers first, so static files get them too.
app.use(securityHeaders)
app.use(limitRequestBody())
app.use(compression())
// Fingerprinted assets never change; everything else in public/ is revalidated hourly.
app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
app.use(express.static('build/client', { maxAge: '1h' }))
app.all(
  '*',
  createRequestHandler({
    build,
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip }),
  }),
)

// Submissions skip Express and Remix, whose request handling cost several times the submission itself (ADR 015).
const server = createServer(routeSubmissionsFirst(app, build.entry.module.serveSubmissionApi)).listen(
  port,
  host,
  () => {
    console.log(`SIPAS is serving on http://localhost:${port}`)
  },
)

// Retention and clean-up run on a clock in the server itself, so a deployment needs no cron.
const MAINTENANCE_FIRST_RUN_MS = 60 * 1000
const MAINTENANCE_INTERVAL_MS = 6 * 60 * 60 * 1000
async function maintain() {
  try {
    const report = await build.entry.module.runMaintenance()
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
async function shutdown(signal) {
  if (stopping) return
  stopping = true
  console.log(`${signal}: closing connections and the database`)
  server.close()
  await build.entry.module.closeDatabase()
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
