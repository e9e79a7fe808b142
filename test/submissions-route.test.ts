import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AppEntry } from '../server/app-entry'
import { routeSubmissionsFirst } from '../server/submissions'

/*
 * The server's request listener: POST /api/submissions (and /api/submissions/) goes to the
 * submission handler ahead of Express (ADR 015), with the security headers and the client
 * address Express would give it. The handler here only reports what it was given; the real one
 * is tested against real databases in test/routes/submissions-api.integration.test.ts and, with the real
 * error answers, in test/json-errors.integration.test.ts.
 */

let base = ''
let close: () => void = () => {}

const standIn = {
  async serveSubmissionApi(req: IncomingMessage, res: ServerResponse, clientIp?: string) {
    if (req.headers['x-test-fail']) throw new Error('a bug')
    res.writeHead(201, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ handler: 'submissions', clientIp, url: req.url }))
  },
  async serveJsonError(_req: IncomingMessage, res: ServerResponse, status: number, code: string) {
    res.writeHead(status, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ errorAnswer: { status, code } }))
  },
} as unknown as AppEntry

beforeAll(async () => {
  const app = express()
  app.set('trust proxy', 'loopback')
  app.all('*', (req, res) => res.json({ handler: 'express', method: req.method, path: req.path }))
  const server = createServer(routeSubmissionsFirst(app, async () => standIn)).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

describe('POST /api/submissions ahead of Express', () => {
  test.each(['/api/submissions?lng=en', '/api/submissions/', '/api/submissions/?lng=en'])(
    '%s goes to the submission handler, with the API’s security headers',
    async (path) => {
      const response = await fetch(`${base}${path}`, { method: 'POST', body: '{}' })
      expect(await response.json()).toEqual({ handler: 'submissions', clientIp: '127.0.0.1', url: path })
      expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none';frame-ancestors 'none'")
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(response.headers.get('X-Frame-Options')).toBe('DENY')
      expect(response.headers.get('Strict-Transport-Security')).toBeNull()
    },
  )

  test('behind a trusted proxy the client address and HTTPS come from the forwarded headers', async () => {
    const response = await fetch(`${base}/api/submissions`, {
      method: 'POST',
      body: '{}',
      headers: { 'X-Forwarded-For': '203.0.113.7', 'X-Forwarded-Proto': 'https' },
    })
    expect((await response.json()).clientIp).toBe('203.0.113.7')
    expect(response.headers.get('Strict-Transport-Security')).toMatch(/max-age=\d+/)
  })

  test('every other request, a GET of the same path included, goes to Express', async () => {
    for (const [method, path] of [
      ['GET', '/api/submissions'],
      ['POST', '/api/submissions/extra'],
      ['POST', '/api/submissionsx'],
      ['POST', '/login'],
    ]) {
      const response = await fetch(`${base}${path}`, { method, body: method === 'POST' ? '{}' : undefined })
      expect(await response.json()).toEqual({ handler: 'express', method, path })
    }
  })

  test('a handler that throws (a bug) still gets an answer: the app’s 500 internal_error', async () => {
    const response = await fetch(`${base}/api/submissions`, {
      method: 'POST',
      body: '{}',
      headers: { 'X-Test-Fail': '1' },
    })
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({ errorAnswer: { status: 500, code: 'internal_error' } })
  })
})
