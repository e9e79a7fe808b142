import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { NextFunction, Request, Response } from 'express'
import helmet, { type HelmetOptions } from 'helmet'

/*
 * Security headers, through helmet (docs/decisions/017-one-server.md). helmet's remaining
 * defaults are kept: Cross-Origin-Resource-Policy and Cross-Origin-Opener-Policy same-origin,
 * Origin-Agent-Cluster, X-Content-Type-Options nosniff, X-DNS-Prefetch-Control off,
 * X-Download-Options, X-Permitted-Cross-Domain-Policies none, X-XSS-Protection 0.
 */

// Features no page of the platform uses (citizens scan QR codes with their own camera app).
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'

const shared = {
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  xFrameOptions: { action: 'deny' },
  // Set below, only over HTTPS: sent over plain HTTP it is ignored, and on a misconfigured
  // HTTP-only install it would promise something the server cannot keep.
  strictTransportSecurity: false,
} satisfies HelmetOptions

type Locals = { cspNonce?: string }

const pageHeaders = helmet({
  ...shared,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      // Only scripts carrying this response's nonce may run inline.
      scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response<unknown, Locals>).locals.cspNonce}'`],
      // NOTE: no 'unsafe-inline': React `style={…}` attributes are blocked; use classes in styles.css.
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      baseUri: ["'self'"],
    },
  },
})

// A JSON answer loads and runs nothing.
const apiHeaders = helmet({
  ...shared,
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
})

const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true })

/** Express middleware: a fresh CSP nonce (res.locals.cspNonce) and the security headers on every response. */
export function securityHeaders(req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString('base64')
  setHeadersOutsideHelmet(req, res, req.secure)
  pageHeaders(req, res, next)
}

/** The security headers of a JSON answer sent outside Express (server/submissions.ts). */
export function apiSecurityHeaders(req: IncomingMessage, res: ServerResponse, secure: boolean, next: () => void) {
  setHeadersOutsideHelmet(req, res, secure)
  apiHeaders(req, res, next)
}

function setHeadersOutsideHelmet(req: IncomingMessage, res: ServerResponse, secure: boolean) {
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY)
  if (secure) hsts(req, res, () => {})
}

/**
 * Express's `trust proxy` from the TRUST_PROXY variable: unset = trust nothing (req.ip is the
 * socket's address); a number = that many proxy hops; `true`; or addresses/subnets
 * ("loopback, 10.0.0.0/8"). Trusting a header no proxy sets would let clients pick their IP.
 */
export function trustProxySetting(value: string | undefined): boolean | number | string | undefined {
  if (value === undefined || value === '' || value === 'false') return undefined
  if (value === 'true') return true
  if (/^\d+$/.test(value)) return Number(value)
  return value
}
