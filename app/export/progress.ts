/*
 * What the exports page shows of a running job: how far it is, and roughly how long is left at
 * the rate it has gone so far. Pure, so the page computes it the same on the server and in the
 * browser (from the server's clock, sent with the page).
 */

export type JobProgress = { rowsDone: number; rowsExpected: number | null; startedAt: Date | string | null }

/** Seconds left at the rate so far; null until there is a rate to go by. */
export function secondsLeft(job: JobProgress, now: Date | string): number | null {
  if (job.rowsExpected === null || !job.startedAt || job.rowsDone <= 0) return null
  const elapsed = (new Date(now).getTime() - new Date(job.startedAt).getTime()) / 1000
  if (elapsed <= 0) return null
  const remaining = Math.max(0, job.rowsExpected - job.rowsDone)
  return Math.ceil(remaining / (job.rowsDone / elapsed))
}
