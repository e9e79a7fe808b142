// Production server: Express serving the Remix build. Express rather than remix-serve because
// the embedded PGlite must be closed on shutdown and each request needs a CSP nonce.
import { randomBytes } from 'node:crypto'
import { createRequestHandler } from '@remix-run/express'
import compression from 'compression'
import express from 'express'

const build = await import('./build/server/index.js')
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '0.0.0.0'

const app = express()
app.disable('x-powered-by')
app.use(compression())
// Fingerprinted assets never change; everything else in public/ is revalidated hourly.
app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
app.use(express.static('build/client', { maxAge: '1h' }))
app.use((req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('base64')
  next()
})
app.all(
  '*',
  createRequestHandler({
    build,
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
  }),
)

const server = app.listen(port, host, () => {
  console.log(`SIPAS is serving on http://localhost:${port}`)
})

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
