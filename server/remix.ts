import { createRequestHandler, type ServerBuild, writeReadableStreamToWritable } from '@remix-run/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { AppEntry } from './app-entry'

/**
 * Express → Remix, as @remix-run/express does it, except for the body: Remix gets the one
 * server/app.ts has already read within the limit (req.body, a Buffer), where the adapter would
 * stream the request to Remix unread and unbounded.
 */
export function remixHandler(build: ServerBuild | (() => Promise<ServerBuild>), mode: string) {
  const handleRequest = createRequestHandler(
    typeof build === 'function' ? async () => unavailableAs503(await build()) : unavailableAs503(build),
    mode,
  )
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

type Handler = (args: never) => unknown
/** The app's Retry-After for a 503 (UNAVAILABLE_RETRY_AFTER_SECONDS), read from the build's entry. */
let retryAfterSeconds = 2
const wrapped = new WeakMap<ServerBuild, ServerBuild>()

/**
 * Every loader and action of the build, answering 503 (the error page's "try again in a moment")
 * instead of 500 when its database is unavailable: unreachable, its pool exhausted past the
 * acquire timeout, or a lock held past lock_timeout (app/db/adapters.server.ts). Remix 2 has no
 * middleware; the build is wrapped once per build object.
 */
function unavailableAs503(build: ServerBuild): ServerBuild {
  const cached = wrapped.get(build)
  if (cached) return cached
  const entry = build.entry.module as unknown as AppEntry
  retryAfterSeconds = entry.UNAVAILABLE_RETRY_AFTER_SECONDS
  const guard = <H extends Handler | undefined>(handler: H): H =>
    (handler &&
      (async (args: never) => {
        try {
          return await handler(args)
        } catch (error) {
          if (error instanceof Response || !entry.isDatabaseUnavailable(error)) throw error
          console.error('database unavailable:', error instanceof Error ? error.message : error)
          throw new Response(null, { status: 503, headers: { 'Retry-After': String(entry.UNAVAILABLE_RETRY_AFTER_SECONDS) } })
        }
      })) as H
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [
      id,
      route && { ...route, module: { ...route.module, loader: guard(route.module.loader), action: guard(route.module.action) } },
    ]),
  )
  const guarded = { ...build, routes } as ServerBuild
  wrapped.set(build, guarded)
  return guarded
}

async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers.entries()) res.append(name, value)
  // A thrown Response's own headers don't reach the error page's answer.
  if (response.status === 503 && !response.headers.has('Retry-After')) res.set('Retry-After', String(retryAfterSeconds))
  if (response.headers.get('Content-Type')?.match(/text\/event-stream/i)) res.flushHeaders()
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}
