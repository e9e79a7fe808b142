import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { PUBLIC_SUBMISSION_LIMIT, resetRateLimits } from '~/auth/rate-limit.server'
import { serveJsonError, serveSubmissionApi } from '~/responses/submission-http.server'
import { createRequestListener } from '../server/app'
import type { AppEntry } from '../server/app-entry'
import { MAX_REQUEST_BODY_BYTES } from '../server/request-body'

/*
 * Every JSON error has one shape, `{ error: { code, message } }` (params when the message needs
 * them), with the message in the request's language: the server's request path (server/app.ts)
 * with the app's real submission handler and error answers; only Remix is a stand-in.
 */

const FAIL_HEADER = 'x-test-fail'
const entry = {
  async serveSubmissionApi(req: IncomingMessage, res: ServerResponse, clientIp?: string) {
    if (req.headers[FAIL_HEADER]) throw new Error('a bug in the submission handler')
    return serveSubmissionApi(req, res, clientIp)
  },
  serveJsonError,
} as unknown as AppEntry

let base = ''
const server = createServer(
  createRequestListener({
    getEntry: async () => entry,
    assets: express.Router(),
    remix: (req, res) => {
      if (req.path === '/api/crash' || req.path === '/crash') throw new Error('a bug behind Express')
      res.json({ ok: true })
    },
  }),
)
beforeAll(async () => {
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => server.close())
beforeEach(() => resetRateLimits())

type Answer = { status: number; headers: Headers; body: unknown }

const JSON_TYPE = { 'Content-Type': 'application/json' }
const oversized = '"' + 'x'.repeat(MAX_REQUEST_BODY_BYTES) + '"'

async function send(path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, { method: 'POST', ...init })
  return { status: response.status, headers: response.headers, body: await response.json() }
}

/** A chunked body (no Content-Length) past the limit, never finished: the answer must not wait for its end. */
function sendChunkedOverLimit(path: string, headers: Record<string, string> = JSON_TYPE): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}${path}`, { method: 'POST', headers }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => {
        request.destroy()
        const responseHeaders = new Headers()
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') responseHeaders.set(name, value)
        resolve({ status: response.statusCode ?? 0, headers: responseHeaders, body: JSON.parse(text) })
      })
    })
    request.on('error', reject)
    request.write(Buffer.alloc(MAX_REQUEST_BODY_BYTES, ' '))
    request.write(Buffer.alloc(1000, ' '))
  })
}

async function spendBudgetThenSend(path: string): Promise<Answer> {
  for (let i = 0; i < PUBLIC_SUBMISSION_LIMIT.points; i++) {
    const spent = await send(path, { headers: JSON_TYPE, body: '{' })
    expect(spent.status).toBe(400)
  }
  return send(path, { headers: JSON_TYPE, body: '{' })
}

/** The one shape: an `error` with a code and a non-empty message, and nothing else at the top. */
function expectErrorShape(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status)
  expect(answer.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
  expect(answer.headers.get('Cache-Control')).toBe('no-store')
  expect(Object.keys(answer.body as object)).toEqual(['error'])
  const error = (answer.body as { error: { code: string; message: string; params?: Record<string, unknown> } }).error
  expect(error).toMatchObject({ code, message: expect.stringMatching(/\S/) })
  expect(Object.keys(error).filter((key) => !['code', 'message', 'params'].includes(key))).toEqual([])
  return error
}

describe.each(['/api/submissions', '/api/submissions/'])('%s', (path) => {
  test('413: a declared length over the limit, with the limit in the message', async () => {
    const error = expectErrorShape(await send(path, { headers: JSON_TYPE, body: oversized }), 413, 'payload_too_large')
    expect(error.message).toContain(String(MAX_REQUEST_BODY_BYTES))
    expect(error.params).toEqual({ maxBytes: MAX_REQUEST_BODY_BYTES })
  })

  test('413: a chunked body past the limit', async () => {
    const error = expectErrorShape(await sendChunkedOverLimit(path), 413, 'payload_too_large')
    expect(error.message).toContain(String(MAX_REQUEST_BODY_BYTES))
  })

  test('415: not JSON', async () => {
    expectErrorShape(await send(path, { headers: { 'Content-Type': 'text/plain' }, body: '{}' }), 415, 'unsupported_media_type')
  })

  test('429: a spent budget, with Retry-After', async () => {
    const answer = await spendBudgetThenSend(path)
    expectErrorShape(answer, 429, 'rate_limited')
    expect(Number(answer.headers.get('Retry-After'))).toBeGreaterThan(0)
  })

  test('500: a bug in the handler', async () => {
    expectErrorShape(await send(path, { headers: { ...JSON_TYPE, [FAIL_HEADER]: '1' }, body: '{}' }), 500, 'internal_error')
  })
})

describe('behind Express', () => {
  test('413: an API path over the limit, declared or chunked', async () => {
    expectErrorShape(await send('/api/other', { headers: JSON_TYPE, body: oversized }), 413, 'payload_too_large')
    expectErrorShape(await sendChunkedOverLimit('/api/other'), 413, 'payload_too_large')
  })

  test('400: an address with a zero byte or bytes that are not UTF-8, before anything looks it up', async () => {
    expectErrorShape(await send('/api/other%00', { method: 'GET' }), 400, 'unreadable_address')
    expectErrorShape(await send('/api/other?id=%FF', { method: 'GET' }), 400, 'unreadable_address')
    const page = await fetch(`${base}/provinces/79%00`)
    expect(page.status).toBe(400)
    expect(await page.text()).toMatch(/Địa chỉ trang chứa ký tự không hợp lệ/)
    expect((await fetch(`${base}/provinces/79?year=2025`)).status).toBe(200)
  })

  test('500: an API request, or one that asks for JSON, that fails', async () => {
    expectErrorShape(await send('/api/crash', { method: 'GET' }), 500, 'internal_error')
    expectErrorShape(await send('/crash', { method: 'GET', headers: { Accept: 'application/json' } }), 500, 'internal_error')
  })
})

test('the message is in the request’s language: Vietnamese by default, English when asked', async () => {
  const vi = expectErrorShape(await send('/api/crash', { method: 'GET' }), 500, 'internal_error')
  const en = expectErrorShape(
    await send('/api/crash', { method: 'GET', headers: { 'Accept-Language': 'en-GB,en;q=0.9' } }),
    500,
    'internal_error',
  )
  const query = expectErrorShape(
    await send('/api/submissions/?lng=en', { headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
    415,
    'unsupported_media_type',
  )
  expect(vi.message).toBe('Đã xảy ra lỗi khi lưu phiếu. Vui lòng thử lại.')
  expect(en.message).toBe('Something went wrong while saving the response. Please try again.')
  expect(query.message).toBe('Submissions must be sent as JSON (Content-Type: application/json).')
})
