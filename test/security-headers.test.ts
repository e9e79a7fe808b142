import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { MAX_REQUEST_BODY_BYTES } from '../server/limits.mjs'
import { limitRequestBody, securityHeaders, trustProxySetting } from '../server/security.mjs'

// The middleware server.mjs puts in front of every response, run in a real Express server.
let base = ''
let close: () => void = () => {}

beforeAll(async () => {
  const app = express()
  app.set('trust proxy', 'loopback')
  app.use(securityHeaders)
  app.use(limitRequestBody())
  app.all('*', (req, res) => {
    req.resume()
    req.on('end', () => res.type('html').send(`<script nonce="${res.locals.cspNonce}"></script>`))
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

describe('security headers', () => {
  test('every response carries the CSP with a fresh nonce and the other headers', async () => {
    const first = await fetch(`${base}/`)
    const second = await fetch(`${base}/admin/users`)
    const csp = first.headers.get('Content-Security-Policy') ?? ''
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    expect(nonce).toBeTruthy()
    expect(await first.text()).toContain(`nonce="${nonce}"`)
    expect(second.headers.get('Content-Security-Policy')).not.toContain(nonce)
    for (const directive of [
      "default-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "base-uri 'self'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive)
    }
    expect(csp).not.toContain('unsafe-inline')
    expect(first.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(first.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
    expect(first.headers.get('Permissions-Policy')).toContain('camera=()')
    expect(first.headers.get('X-Frame-Options')).toBe('DENY')
  })

  test('HSTS is sent only when the request came over HTTPS', async () => {
    const plain = await fetch(`${base}/`)
    const proxied = await fetch(`${base}/`, { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(plain.headers.get('Strict-Transport-Security')).toBeNull()
    expect(proxied.headers.get('Strict-Transport-Security')).toMatch(/max-age=\d+/)
  })
})

describe('request body limit', () => {
  test('a body within the limit passes', async () => {
    const response = await fetch(`${base}/api/submissions`, { method: 'POST', body: 'x'.repeat(1000) })
    expect(response.status).toBe(200)
  })

  test('a body over the limit is refused with 413, as JSON for API clients', async () => {
    const response = await fetch(`${base}/api/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: 'x'.repeat(MAX_REQUEST_BODY_BYTES + 1),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({ error: 'payload_too_large', maxBytes: MAX_REQUEST_BODY_BYTES })
  })

  test('a form over the limit gets a plain-text 413', async () => {
    const response = await fetch(`${base}/login`, {
      method: 'POST',
      headers: { Accept: 'text/html' },
      body: new URLSearchParams({ email: 'x'.repeat(MAX_REQUEST_BODY_BYTES) }),
    })
    expect(response.status).toBe(413)
    expect(response.headers.get('Content-Type')).toMatch(/text\/plain/)
  })

  test('a chunked body without a length is refused with 411', async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{}'))
        controller.close()
      },
    })
    const response = await fetch(`${base}/api/submissions`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit)
    expect(response.status).toBe(411)
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
