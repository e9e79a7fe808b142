import { inReadOnlyUnit, readOnly } from '~/db/replica.server'
import { foldPendingRollups } from './rollup-fold.server'

/**
 * Runs `work` (reads of figures and of what they rest on, through `reader()`) as one read-only
 * unit: on the replica when it has caught up, else on the primary (app/db/replica.server.ts,
 * docs/decisions/024-read-replica.md). The rollup queue is folded first, on the primary (a fold
 * writes), so the position the unit waits for includes the fold: its figures include every
 * response acknowledged before it began, wherever they are read. A unit inside a unit is part
 * of it and folds nothing more.
 */
export async function readFigures<T>(work: () => Promise<T>): Promise<T> {
  if (inReadOnlyUnit()) return work()
  await foldPendingRollups()
  return readOnly(work)
}
