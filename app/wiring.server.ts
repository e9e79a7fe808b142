import { scheduleRollupFold } from './aggregation/rollup-fold.server'
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
