import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAX_REQUEST_BODY_BYTES } from '~/auth/body-limit.server'
import { SubmissionError } from './errors'
import { answerSubmissionApi, payloadTooLarge } from './submission-api.server'

/**
 * POST /api/submissions straight from Node's HTTP server, for server.mjs (ADR 015): the same
 * answerSubmissionApi as the Remix route, without building a Fetch Request and Response and
 * matching Remix's routes for every submission, which cost four times the submission itself.
 */
export async function serveSubmissionApi(req: IncomingMessage, res: ServerResponse, clientIp?: string): Promise<void> {
  const { status, headers, body } = await answerSubmissionApi({
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    header: (name) => headerOf(req, name),
    clientIp,
    readBody: () => readBody(req, res),
  })
  // The client may have gone while its submission was stored; the answer has nowhere to go.
  if (res.destroyed) return
  res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()]
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
}

/**
 * The body as text, refused (413) when Content-Length says it is too long, or once it passes the
 * limit whatever Content-Length said. The rest of a refused body is discarded and the connection
 * closed after the answer.
 */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<string> {
  return new Promise((resolve, reject) => {
    const refuse = () => {
      res.setHeader('Connection', 'close')
      req.off('data', onData)
      req.resume() // discarded, not buffered, until the answer closes the connection
      reject(payloadTooLarge())
    }
    const chunks: Buffer[] = []
    let total = 0
    const onData = (chunk: Buffer) => {
      total += chunk.length
      if (total > MAX_REQUEST_BODY_BYTES) refuse()
      else chunks.push(chunk)
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BODY_BYTES) return refuse()
    req.on('data', onData)
    req.once('end', () =>
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')),
    )
    req.once('error', reject)
    // The client went away mid-body: nothing is stored and nobody reads the answer.
    req.once('close', () => {
      if (!req.complete) reject(new SubmissionError(400, 'invalid_json'))
    })
  })
}
