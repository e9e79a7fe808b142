// Security middleware for server.mjs. Plain JavaScript because server.mjs runs in Node without
// the Vite build.
import { randomBytes } from 'node:crypto'
import { MAX_REQUEST_BODY_BYTES } from './limits.mjs'

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The Content-Security-Policy for one response; only scripts carrying `nonce` may run inline. */
export function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // NOTE: no 'unsafe-inline': React `style={…}` attributes are blocked; use classes in styles.css.
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
  ].join('; ')
}

// Features no page of the platform uses (citizens scan QR codes with their own camera app).
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'

/** Sets a fresh CSP nonce (res.locals.cspNonce) and the security headers on every response. */
export function securityHeaders(req, res, next) {
  const nonce = randomBytes(16).toString('base64')
  res.locals.cspNonce = nonce
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce))
  setCommonHeaders(res, req.secure)
  next()
}

/** The security headers of a JSON answer sent outside Express (server/submissions.mjs): it loads and runs nothing. */
export function setApiSecurityHeaders(res, secure) {
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'")
  setCommonHeaders(res, secure)
}

function setCommonHeaders(res, secure) {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY)
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('X-Frame-Options', 'DENY')
  // HSTS only over HTTPS: sent over plain HTTP it is ignored, and on a misconfigured
  // HTTP-only install it would promise something the server cannot keep.
  if (secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
}

/**
 * Refuses bodies over `maxBytes` before they are read: 413 when Content-Length says so, 411 for
 * a body without a length (chunked), whose size is only known after reading it. Browsers and
 * fetch() always send Content-Length for form and JSON bodies.
 */
export function limitRequestBody(maxBytes = MAX_REQUEST_BODY_BYTES) {
  return (req, res, next) => {
    if (!METHODS_WITH_BODY.has(req.method)) return next()
    const length = req.headers['content-length']
    if (length === undefined) {
      if (req.headers['transfer-encoding']) return refuse(req, res, 411, 'length_required', maxBytes)
      return next()
    }
    if (!/^\d+$/.test(length) || Number(length) > maxBytes) return refuse(req, res, 413, 'payload_too_large', maxBytes)
    next()
  }
}

function refuse(req, res, status, error, maxBytes) {
  res.setHeader('Connection', 'close')
  if (req.accepts(['html', 'json']) === 'json' || req.path.startsWith('/api/')) {
    res.status(status).json({ error, maxBytes })
  } else {
    res
      .status(status)
      .type('text/plain')
      .send(`${status}: the request body must be sent with a length of at most ${maxBytes} bytes.`)
  }
  // The unread body is discarded rather than buffered.
  req.resume()
}

/**
 * Express's `trust proxy` from the TRUST_PROXY variable: unset = trust nothing (req.ip is the
 * socket's address); a number = that many proxy hops; `true`; or addresses/subnets
 * ("loopback, 10.0.0.0/8"). Trusting a header no proxy sets would let clients pick their IP.
 */
export function trustProxySetting(value) {
  if (value === undefined || value === '' || value === 'false') return undefined
  if (value === 'true') return true
  if (/^\d+$/.test(value)) return Number(value)
  return value
}
