// POST /api/submissions is answered ahead of Express and Remix (ADR 015): Express's per-request
// set-up alone cost about a third of a submission's server time here. Plain JavaScript because
// server.mjs runs in Node without the Vite build.
import proxyaddr from 'proxy-addr'
import { setApiSecurityHeaders } from './security.mjs'

const SUBMISSIONS_PATH = '/api/submissions'

/**
 * A request listener: POST /api/submissions (with or without a query string) goes to
 * `serveSubmissionApi` with the security headers and the client's address as Express computes
 * them under its `trust proxy` setting; every other request goes to `app`. Call it after
 * `app.set('trust proxy', …)`.
 */
export function routeSubmissionsFirst(app, serveSubmissionApi) {
  const trust = app.get('trust proxy fn')
  return (req, res) => {
    if (req.method !== 'POST' || !isSubmissionsPath(req.url)) return app(req, res)
    setApiSecurityHeaders(res, isSecure(req, trust))
    serveSubmissionApi(req, res, proxyaddr(req, trust)).catch((error) => {
      // serveSubmissionApi answers every refusal and failure itself: this is a bug.
      console.error('POST /api/submissions failed:', error)
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' })
      res.end('{"error":{"code":"internal_error"}}')
    })
  }
}

function isSubmissionsPath(url = '') {
  return url === SUBMISSIONS_PATH || url.startsWith(`${SUBMISSIONS_PATH}?`)
}

/** Express's req.secure: TLS here, or X-Forwarded-Proto from a trusted proxy. */
function isSecure(req, trust) {
  if (req.socket.encrypted) return true
  if (!trust(req.socket.remoteAddress, 0)) return false
  const proto = req.headers['x-forwarded-proto']
  return typeof proto === 'string' && proto.split(',')[0].trim() === 'https'
}
