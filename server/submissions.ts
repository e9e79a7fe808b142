import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import type { Express } from 'express'
import proxyaddr from 'proxy-addr'
import type { AppEntry, GetAppEntry } from './app-entry'
import { apiSecurityHeaders } from './security'

// POST /api/submissions is answered ahead of Express and Remix (ADR 015): Express's per-request
// set-up alone cost about a third of a submission's server time here.

const SUBMISSIONS_PATH = '/api/submissions'

/**
 * A request listener: POST /api/submissions or /api/submissions/ (with or without a query
 * string) goes to the app's `serveSubmissionApi` with the security headers and the client's
 * address as Express computes them under its `trust proxy` setting; every other request goes to
 * `app`. Call it after `app.set('trust proxy', …)`.
 */
export function routeSubmissionsFirst(app: Express, getEntry: GetAppEntry): RequestListener {
  const trust = app.get('trust proxy fn') as proxyaddr.TrustFunction
  return (req, res) => {
    if (req.method !== 'POST' || !isSubmissionsPath(req.url)) return void app(req, res)
    apiSecurityHeaders(req, res, isSecure(req, trust), () => void answer(req, res, proxyaddr(req, trust)))
  }

  async function answer(req: IncomingMessage, res: ServerResponse, clientIp: string) {
    let entry: AppEntry | undefined
    try {
      entry = await getEntry()
      await entry.serveSubmissionApi(req, res, clientIp)
    } catch (error) {
      // serveSubmissionApi answers every refusal and failure itself: this is a bug (or, in
      // development, an app that does not compile).
      console.error('POST /api/submissions failed:', error)
      if (!entry || res.headersSent) return void res.destroy()
      await entry.serveJsonError(req, res, 500, 'internal_error').catch((failure: unknown) => {
        console.error('POST /api/submissions: the error answer failed too:', failure)
        res.destroy()
      })
    }
  }
}

function isSubmissionsPath(url = '') {
  const path = url.split('?', 1)[0]
  return path === SUBMISSIONS_PATH || path === `${SUBMISSIONS_PATH}/`
}

/** Express's req.secure: TLS here, or X-Forwarded-Proto from a trusted proxy. */
function isSecure(req: IncomingMessage, trust: proxyaddr.TrustFunction) {
  if ((req.socket as TLSSocket).encrypted) return true
  if (!trust(req.socket.remoteAddress ?? '', 0)) return false
  const proto = req.headers['x-forwarded-proto']
  return typeof proto === 'string' && proto.split(',')[0]!.trim() === 'https'
}
