import type * as EntryServer from '../app/entry.server'

/**
 * What the server calls in the app's build besides Remix's request handler: the exports of
 * app/entry.server.tsx. In development it comes from the current dev build, so every request
 * sees the code as it is now.
 */
export type AppEntry = Pick<
  typeof EntryServer,
  'serveSubmissionApi' | 'serveJsonError' | 'runMaintenance' | 'closeDatabase' | 'isDatabaseUnavailable' | 'UNAVAILABLE_RETRY_AFTER_SECONDS'
>

export type GetAppEntry = () => Promise<AppEntry>
