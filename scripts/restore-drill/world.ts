/*
 * The drill's side of the survey world (scripts/infra/survey-world.ts): submissions sent in this
 * process through answerSubmissionApi with their kiosk's token, as the server's handler sends
 * them (ADR 015), with the background folds the server would run.
 */
import { randomUUID } from 'node:crypto'
import { createSurveyWorld, type WorldSubmission } from '../infra/survey-world'

export type { WorldSubmission }

export type DrillWorld = {
  /** A new valid submission (fresh id) from one of the world's kiosks. */
  makeSubmission(): WorldSubmission
  /** The submission API's status for one submission. */
  submit(submission: WorldSubmission): Promise<number>
  /** Waits until no background fold is running or scheduled, and folds what is queued. */
  settle(): Promise<void>
  close(): Promise<void>
}

export async function createDrillWorld(databaseUrl: string, servicePoints: number): Promise<DrillWorld> {
  const world = await createSurveyWorld(databaseUrl, { servicePoints })
  const { KIOSK_TOKEN_HEADER } = await import('~/auth/kiosk-token')
  const { answerSubmissionApi } = await import('~/responses/submission-api.server')
  const { FOLD_DELAY_MS, foldPendingRollups, settleRollupFolds } = await import('~/aggregation/rollup-fold.server')
  const { wireModules } = await import('~/wiring.server')
  // As the server does at start-up: stored submissions are folded in the background.
  wireModules()
  return {
    makeSubmission: () => world.submission(randomUUID()),
    async submit(submission) {
      const answer = await answerSubmissionApi({
        method: 'POST',
        url: '/api/submissions',
        header: (name) => (name === 'Content-Type' ? 'application/json' : name === KIOSK_TOKEN_HEADER ? submission.point.token : null),
        clientIp: '10.0.0.1',
        readBody: async () => submission.body,
      })
      return answer.status
    },
    async settle() {
      await settleRollupFolds()
      // A fold is scheduled FOLD_DELAY_MS after the last write; let it start, then wait for it.
      await new Promise((resolve) => setTimeout(resolve, FOLD_DELAY_MS + 200))
      await settleRollupFolds()
      await foldPendingRollups()
    },
    close: world.close,
  }
}
