import type { RequestListener } from 'node:http'
import compression from 'compression'
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'
import type { GetAppEntry } from './app-entry'
import { isReadableAddress } from './readable-address'
import { BodyAbortedError, BodyTooLargeError, maxBodyBytesFor, readRequestBody } from './request-body'
import { securityHeaders } from './security'
import { routeSubmissionsFirst } from './submissions'

/*
 * The one request path, the same in development and production (docs/decisions/017-one-server.md):
 * POST /api/submissions ahead of Express (ADR 015); then security headers, compression, static
 * files (Vite's middleware too in development), the body read within the limit, Remix.
 */

export type RequestPathOptions = {
  getEntry: GetAppEntry
  /** Static files, and in development Vite's middleware, served before any body is read. */
  assets: RequestHandler
  /** Remix, reading the body from req.body (server/remix.ts). */
  remix: RequestHandler
  /** Express's `trust proxy` (trustProxySetting); undefined trusts no proxy. */
  trustProxy?: boolean | number | string
}

export function createRequestListener({ getEntry, assets, remix, trustProxy }: RequestPathOptions): RequestListener {
  const app = express()
  app.disable('x-powered-by')
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy)
  // Headers first, so static files get them too.
  app.use(securityHeaders)
  app.use(refuseUnreadableAddress)
  app.use(compression())
  app.use(assets)
  app.use(readBodyWithinLimit)
  app.all('*', remix)
  app.use(answerErrors)
  return routeSubmissionsFirst(app, getEntry)

  /** Reads the body (not for GET and HEAD) into req.body, refusing one over its path's limit with 413. */
  function readBodyWithinLimit(req: Request, res: Response, next: NextFunction) {
    if (req.method === 'GET' || req.method === 'HEAD') return next()
    readRequestBody(req, req.headers['content-length'], maxBodyBytesFor(req.path)).then(
      (body) => {
        req.body = body
        next()
      },
      (error: unknown) => refuseBody(req, res, error).catch(next),
    )
  }

  async function refuseBody(req: Request, res: Response, error: unknown) {
    if (error instanceof BodyAbortedError) return // the client has gone: nobody to answer
    if (!(error instanceof BodyTooLargeError)) throw error
    // The rest of the body is discarded unread; the connection cannot carry another request.
    res.setHeader('Connection', 'close')
    if (wantsJson(req)) {
      return (await getEntry()).serveJsonError(req, res, 413, 'payload_too_large', { maxBytes: error.maxBytes })
    }
    res
      .status(413)
      .type('text/plain')
      .send(`413: the request body must be at most ${error.maxBytes} bytes.`)
  }

  /** 400 for an address that does not decode to usable text (server/readable-address.ts), before any lookup. */
  function refuseUnreadableAddress(req: Request, res: Response, next: NextFunction) {
    if (isReadableAddress(req.originalUrl)) return next()
    if (wantsJson(req)) return void getEntry().then((entry) => entry.serveJsonError(req, res, 400, 'unreadable_address'), next)
    res.status(400).type('text/plain').send(UNREADABLE_ADDRESS_TEXT)
  }

  /** A JSON or API request that failed gets a JSON error; pages get Express's own 500. */
  // NOTE: Express knows an error handler by its four parameters.
  async function answerErrors(error: unknown, req: Request, res: Response, next: NextFunction) {
    if (res.headersSent || !wantsJson(req)) return next(error)
    console.error(`${req.method} ${req.originalUrl} failed:`, error)
    try {
      await (await getEntry()).serveJsonError(req, res, 500, 'internal_error')
    } catch (failure) {
      next(failure)
    }
  }
}

// A page's language comes from the app, which this address never reaches: both, Vietnamese first.
const UNREADABLE_ADDRESS_TEXT =
  '400: Địa chỉ trang chứa ký tự không hợp lệ. Vui lòng kiểm tra lại đường dẫn.\n' +
  '400: The page address contains a character that is not allowed. Please check the link.\n'

function wantsJson(req: Request) {
  return req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json'
}
