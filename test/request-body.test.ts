import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createRequestListener } from '../server/app'
import type { AppEntry } from '../server/app-entry'
import { BodyTooLargeError, MAX_REQUEST_BODY_BYTES, maxBodyBytesFor, readRequestBody } from '../server/request-body'

/*
 * The one body reader (server/request-body.ts): a declared length over the limit is refused
 * before reading, a chunked body is counted while read and refused once past the limit. Then
 * the same rule on the Express path in front of Remix (server/app.ts).
 */

const servers: Server[] = []
afterAll(() => servers.forEach((server) => server.close()))

async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(listener).listen(0, '127.0.0.1')
  servers.push(server)
  await new Promise((resolve) => server.once('listening', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/**
 * Sends the headers and `chunks`, then waits for the answer without ever ending the body: an
 * answer arriving at all proves the server decided without waiting for the rest.
 */
function sendUnfinished(url: string, headers: Record<string, string | number>, chunks: Buffer[] = []) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (text: string) => (body += text))
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body })
        request.destroy()
      })
    })
    request.on('error', reject)
    request.flushHeaders()
    for (const chunk of chunks) request.write(chunk)
  })
}

function chunkedBody(...sizes: number[]) {
  const chunks = sizes.map((size) => new TextEncoder().encode('x'.repeat(size)))
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    },
  })
}

const chunked = (body: ReadableStream<Uint8Array>) => ({ method: 'POST', body, duplex: 'half' }) as RequestInit

describe('readRequestBody', () => {
  let base = ''
  let bytesSeen = 0
  beforeAll(async () => {
    base = await listen((req, res) => {
      req.on('data', (chunk: Buffer) => (bytesSeen += chunk.length))
      readRequestBody(req, req.headers['content-length']).then(
        (body) => res.end(`read ${body.length}`),
        (error: Error) => {
          res.writeHead(error instanceof BodyTooLargeError ? 413 : 400, { Connection: 'close' })
          res.end(error.name)
        },
      )
    })
  })

  test('a declared length over the limit is refused with 413 before a byte is read', async () => {
    bytesSeen = 0
    const answer = await sendUnfinished(base, { 'Content-Length': MAX_REQUEST_BODY_BYTES + 1 })
    expect(answer).toEqual({ status: 413, body: 'BodyTooLargeError' })
    expect(bytesSeen).toBe(0)
  })

  test('a chunked body within the limit is read whole', async () => {
    const response = await fetch(base, chunked(chunkedBody(20_000, 20_000, MAX_REQUEST_BODY_BYTES - 40_000)))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(`read ${MAX_REQUEST_BODY_BYTES}`)
  })

  test('a chunked body is refused with 413 as soon as it passes the limit', async () => {
    const overLimit = [Buffer.alloc(40_000, 'x'), Buffer.alloc(40_000, 'x')]
    const answer = await sendUnfinished(base, { 'Transfer-Encoding': 'chunked' }, overLimit)
    expect(answer).toEqual({ status: 413, body: 'BodyTooLargeError' })
  })

  test('a body within its declared length is read whole', async () => {
    const response = await fetch(base, { method: 'POST', body: 'x'.repeat(1000) })
    expect(await response.text()).toBe('read 1000')
  })
})

describe('the Express path in front of Remix', () => {
  let base = ''
  const jsonErrors: unknown[] = []
  beforeAll(async () => {
    const entry = {
      async serveJsonError(_req: IncomingMessage, res: ServerResponse, status: number, code: string, params: unknown) {
        jsonErrors.push({ status, code, params })
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end('{}')
      },
    } as unknown as AppEntry
    base = await listen(
      createRequestListener({
        getEntry: async () => entry,
        assets: express.Router(),
        // Remix's stand-in: what it was given.
        remix: (req, res) => res.json({ method: req.method, bodyBytes: (req.body as Buffer | undefined)?.length ?? null }),
      }),
    )
  })

  test('Remix gets the body already read, chunked or not', async () => {
    expect(await (await fetch(`${base}/login`, chunked(chunkedBody(10, 20)))).json()).toEqual({
      method: 'POST',
      bodyBytes: 30,
    })
    expect(await (await fetch(`${base}/login`, { method: 'POST', body: 'abc' })).json()).toEqual({
      method: 'POST',
      bodyBytes: 3,
    })
    expect(await (await fetch(`${base}/login`)).json()).toEqual({ method: 'GET', bodyBytes: null })
  })

  test('a form over the limit, chunked or declared, gets a plain-text 413 and the connection is closed', async () => {
    for (const init of [
      chunked(chunkedBody(MAX_REQUEST_BODY_BYTES, 1)),
      { method: 'POST', body: new URLSearchParams({ email: 'x'.repeat(MAX_REQUEST_BODY_BYTES) }) },
    ]) {
      const response = await fetch(`${base}/login`, { ...init, headers: { Accept: 'text/html' } })
      expect(response.status).toBe(413)
      expect(response.headers.get('Content-Type')).toMatch(/text\/plain/)
      expect(response.headers.get('Connection')).toBe('close')
      expect(await response.text()).toContain(String(MAX_REQUEST_BODY_BYTES))
    }
    expect(jsonErrors).toEqual([])
  })

  test('an API or JSON request over the limit gets the app’s JSON error', async () => {
    jsonErrors.length = 0
    const body = 'x'.repeat(MAX_REQUEST_BODY_BYTES + 1)
    const api = await fetch(`${base}/api/other`, { method: 'POST', body })
    const json = await fetch(`${base}/login`, { method: 'POST', body, headers: { Accept: 'application/json' } })
    expect([api.status, json.status]).toEqual([413, 413])
    expect(jsonErrors).toEqual([
      { status: 413, code: 'payload_too_large', params: { maxBytes: MAX_REQUEST_BODY_BYTES } },
      { status: 413, code: 'payload_too_large', params: { maxBytes: MAX_REQUEST_BODY_BYTES } },
    ])
  })

  test('the ticket-minting path takes a call of 500 long requests; past its own limit, 413', async () => {
    jsonErrors.length = 0
    const limit = maxBodyBytesFor('/api/v1/tickets')
    const item = { servicePointCode: 'X'.repeat(32), field: 'business_registration', dossierCode: 'D'.repeat(64) }
    const call = JSON.stringify({ tickets: Array.from({ length: 500 }, () => item) })
    expect(call.length).toBeGreaterThan(MAX_REQUEST_BODY_BYTES)
    expect(await (await fetch(`${base}/api/v1/tickets`, { method: 'POST', body: call })).json()).toEqual({ method: 'POST', bodyBytes: call.length })
    const over = await fetch(`${base}/api/v1/tickets/`, { method: 'POST', body: 'x'.repeat(limit + 1) })
    expect(over.status).toBe(413)
    expect(jsonErrors).toEqual([{ status: 413, code: 'payload_too_large', params: { maxBytes: limit } }])
  })
})
