import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { securityHeaders, trustProxySetting } from '../server/security'

// The headers server/app.ts puts on every response (helmet, with a nonce per request), in a real Express server.
let base = ''
let close: () => void = () => {}

beforeAll(async () => {
  const app = express()
  app.set('trust proxy', 'loopback')
  app.use(securityHeaders)
  app.all('*', (_req, res) => res.type('html').send(`<script nonce="${res.locals.cspNonce}"></script>`))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

/** The policy's directives, whatever the separators. */
const directives = (csp: string | null) =>
  (csp ?? '')
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean)

describe('security headers', () => {
  test('every response carries the CSP with a fresh nonce, and nothing else in the policy', async () => {
    const first = await fetch(`${base}/`)
    const second = await fetch(`${base}/admin/users`)
    const csp = first.headers.get('Content-Security-Policy')
    const nonce = /'nonce-([^']+)'/.exec(csp ?? '')?.[1]
    expect(nonce).toBeTruthy()
    expect(await first.text()).toContain(`nonce="${nonce}"`)
    expect(second.headers.get('Content-Security-Policy')).not.toContain(nonce)
    expect(directives(csp)).toEqual([
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "base-uri 'self'",
    ])
  })

  test('the other headers: ours, and the harmless ones helmet adds', async () => {
    const response = await fetch(`${base}/`)
    expect(Object.fromEntries([...response.headers].filter(([name]) => !/^(content-|date|etag|connection|keep-alive)/.test(name))))
      .toEqual({
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'origin-agent-cluster': '?1',
        'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'x-content-type-options': 'nosniff',
        'x-dns-prefetch-control': 'off',
        'x-download-options': 'noopen',
        'x-frame-options': 'DENY',
        'x-permitted-cross-domain-policies': 'none',
        'x-xss-protection': '0',
      })
    expect(response.headers.get('X-Powered-By')).toBeNull()
  })

  test('HSTS is sent only when the request came over HTTPS', async () => {
    const plain = await fetch(`${base}/`)
    const proxied = await fetch(`${base}/`, { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(plain.headers.get('Strict-Transport-Security')).toBeNull()
    expect(proxied.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
  })
})

describe('TRUST_PROXY', () => {
  test.each([
    [undefined, undefined],
    ['', undefined],
    ['false', undefined],
    ['true', true],
    ['1', 1],
    ['loopback, 10.0.0.0/8', 'loopback, 10.0.0.0/8'],
  ])('%s → %s', (value, setting) => {
    expect(trustProxySetting(value)).toBe(setting)
  })
})
