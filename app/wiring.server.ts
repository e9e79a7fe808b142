import { scheduleRollupFold } from './aggregation/rollup-fold.server'
import { warmCalendar } from './cases/deadline'
import { type ChangeListener, startChangeListener } from './db/change-notices.server'
import { closeSidePool } from './db/side-pool.server'
import { env } from './env.server'
import { startExportRunner } from './export/export-queue.server'
import { onResponsesStored } from './responses/stored-events'

/*
 * Start-up wiring between modules that may not import each other (docs/architecture.md). Called
 * once, by entry.server.tsx when the server loads the app (and by bench/submissions.ts, which
 * calls the submission code in its own process).
 */
export function wireModules(): void {
  // Stored responses reach the rollups through the background fold (docs/decisions/012-submission-throughput.md).
  onResponsesStored(scheduleRollupFold)
}

/**
 * The background work of the app server, started by entry.server.tsx (not by other processes
 * that wire the modules): exports run in the background (docs/decisions/020-exports.md), on
 * pg-boss with a PostgreSQL server, in the server's own process with the embedded PGlite.
 * Tests run export jobs themselves, so the test process starts none.
 */
export function startBackgroundJobs(): void {
  // The working-day calendar of the years around today, before a submission opening a case needs it.
  setImmediate(() => warmCalendar())
  if (env.NODE_ENV === 'test') return
  // Caches forget what another app server changed (docs/decisions/023-several-app-servers.md).
  changeListener = startChangeListener()
  startExportRunner({ databaseUrl: env.DATABASE_URL }).catch((error: unknown) => console.error('export runner did not start:', error))
}

let changeListener: ChangeListener | undefined

/** On shutdown, before the database closes: the change listener and the side connections. */
export async function closeServerConnections(): Promise<void> {
  await changeListener?.stop()
  await closeSidePool()
}
