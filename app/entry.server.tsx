import { PassThrough } from 'node:stream'
import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleDataRequestFunction,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { settleRollupFolds } from './aggregation/rollup-fold.server'
import { getSessionId } from './auth/session.server'
import { pageCacheHeaders, PRIVATE_PAGE } from './cache-control'
import { db } from './db.server'
import { stopExportRunner } from './export/export-queue.server'
import { createI18n, getLanguage } from './i18n/i18next.server'
import { runMaintenance } from './maintenance/maintenance.server'
import { NonceProvider } from './ui/nonce'
import { closeServerConnections, startBackgroundJobs, wireModules } from './wiring.server'

wireModules()
startBackgroundJobs()

const ABORT_DELAY = 5_000

// The exports below are called by the server (server/app-entry.ts), in development from the current dev build.

/** On SIGTERM/SIGINT: an embedded PGlite left open can corrupt its directory. */
export async function closeDatabase() {
  // A running export goes back to the queue and starts again at the next start.
  await stopExportRunner()
  // A running fold finishes (it is one statement); a waiting one is left to the next start's readers.
  await settleRollupFolds()
  await closeServerConnections()
  await db.close()
}

/** On a timer (retention purge, expired sign-in state). */
export { runMaintenance }

/** POST /api/submissions ahead of Remix (ADR 015), and the JSON errors the server answers itself. */
export { serveJsonError, serveSubmissionApi } from './responses/submission-http.server'
export { isDatabaseUnavailable } from './responses/database-errors.server'
export { UNAVAILABLE_RETRY_AFTER_SECONDS } from './responses/errors'

/** Data for client-side navigations carries the same private data as the pages: never stored. */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', PRIVATE_PAGE)
  return response
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const lng = await getLanguage(request)
  const i18n = await createI18n(lng)
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : ''
  const { matches } = remixContext.staticHandlerContext
  const cacheHeaders = pageCacheHeaders({
    handle: remixContext.routeModules[matches.at(-1)?.route.id ?? '']?.handle,
    signedIn: (await getSessionId(request)) !== null,
    setsCookie: responseHeaders.has('Set-Cookie'),
  })
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'

  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          for (const [name, value] of Object.entries(cacheHeaders)) responseHeaders.set(name, value)
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}
