import type { Readable } from 'node:stream'

/*
 * The one request-body reader (docs/decisions/017-one-server.md): the submission fast path
 * (app/responses/submission-http.server.ts), the Remix route behind a Fetch Request and the
 * Express path in front of Remix (server/app.ts) all read bodies through readRequestBody.
 */

/** Largest request body accepted: forms and JSON submissions are a few kilobytes. */
export const MAX_REQUEST_BODY_BYTES = 64 * 1024

/**
 * Paths that take larger bodies: a ticket-minting call holds up to 500 requests, each with a
 * dossier code of up to 64 characters, about 90 KB (docs/decisions/025-rating-tickets.md).
 */
const LARGER_BODY_BYTES: Readonly<Record<string, number>> = { '/api/v1/tickets': 256 * 1024 }

/** The largest body a request to `path` may carry. */
export function maxBodyBytesFor(path: string): number {
  return LARGER_BODY_BYTES[path.replace(/\/+$/, '')] ?? MAX_REQUEST_BODY_BYTES
}

/** The body is longer than the limit, by its declared length or by what was read so far. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${maxBytes} bytes.`)
    this.name = 'BodyTooLargeError'
  }
}

/** The client went away before sending the whole body: there is nobody to answer. */
export class BodyAbortedError extends Error {
  constructor() {
    super('The request body ended before it was complete.')
    this.name = 'BodyAbortedError'
  }
}

/**
 * Reads a body of at most `maxBytes`. A declared length (Content-Length) over the limit is
 * refused before a byte is read; a body without one (chunked) is counted while it is read and
 * refused as soon as it passes the limit. Either way the rest of the body is discarded, not
 * buffered; whoever answers the refusal should close the connection after it.
 */
export function readRequestBody(
  body: Readable,
  declaredLength: string | null | undefined,
  maxBytes = MAX_REQUEST_BODY_BYTES,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    const stop = (error: Error) => {
      body.off('data', onData)
      body.off('end', onEnd)
      body.off('close', onClose)
      // NOTE: resume, never destroy: destroying a request destroys its socket, and the refusal
      // could not be sent.
      body.resume()
      reject(error)
    }
    const onData = (chunk: Buffer) => {
      total += chunk.length
      if (total > maxBytes) stop(new BodyTooLargeError(maxBytes))
      else chunks.push(chunk)
    }
    const onEnd = () => {
      body.off('close', onClose)
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))
    }
    const onClose = () => stop(new BodyAbortedError())
    if (declaredLength != null && Number(declaredLength) > maxBytes) return stop(new BodyTooLargeError(maxBytes))
    body.on('data', onData)
    body.once('end', onEnd)
    body.once('close', onClose)
    // Kept after a refusal too: an error on a stream nobody listens to would crash the process.
    body.on('error', (error) => stop(error))
  })
}
