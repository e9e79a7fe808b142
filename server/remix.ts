import { createRequestHandler, type ServerBuild, writeReadableStreamToWritable } from '@remix-run/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'

/**
 * Express → Remix, as @remix-run/express does it, except for the body: Remix gets the one
 * server/app.ts has already read within the limit (req.body, a Buffer), where the adapter would
 * stream the request to Remix unread and unbounded.
 */
export function remixHandler(build: ServerBuild | (() => Promise<ServerBuild>), mode: string) {
  const handleRequest = createRequestHandler(build, mode)
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const response = await handleRequest(fetchRequestOf(req, res), {
        cspNonce: res.locals.cspNonce as string,
        clientIp: req.ip,
      })
      await sendResponse(res, response)
    } catch (error) {
      next(error)
    }
  }
}

function fetchRequestOf(req: ExpressRequest, res: ExpressResponse): Request {
  // req.hostname has no port and honours `trust proxy`; the port comes from X-Forwarded-Host or Host.
  const port = [req.get('X-Forwarded-Host'), req.get('Host')]
    .map((host) => Number.parseInt(host?.split(':')[1] ?? '', 10))
    .find(Number.isSafeInteger)
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one)
    else if (value !== undefined) headers.set(name, value)
  }
  // Loaders and actions are aborted once the answer can no longer be sent (`close` before `finish`).
  const controller = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : (req.body as Uint8Array<ArrayBuffer>)
  return new Request(url, { method: req.method, headers, body, signal: controller.signal })
}

async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers.entries()) res.append(name, value)
  if (response.headers.get('Content-Type')?.match(/text\/event-stream/i)) res.flushHeaders()
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}
