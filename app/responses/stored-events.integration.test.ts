import { beforeAll, expect, test } from 'vitest'
import { createSurveyPoint, envelopeFor } from '../../test/factories/submissions'
import { onResponsesStored } from './stored-events'
import { type SubmissionContext, submitResponse } from './submit.server'

// A generous deadline: the first submissions of a process warm caches on a busy machine.
const web = (): SubmissionContext => ({ channel: 'web', language: 'vi', deadline: Date.now() + 60_000 })

let point: Awaited<ReturnType<typeof createSurveyPoint>>
beforeAll(async () => {
  point = await createSurveyPoint()
})

test('a stored response tells the listeners; a replay does not', async () => {
  let heard = 0
  const stop = onResponsesStored(() => heard++)
  try {
    const body = envelopeFor(point)
    expect((await submitResponse(body, web())).status).toBe(201)
    expect(heard).toBe(1)
    expect((await submitResponse(body, web())).status).toBe(200)
    expect(heard).toBe(1)
  } finally {
    stop()
  }
})

test('a listener that unsubscribed hears nothing more', async () => {
  let heard = 0
  const stop = onResponsesStored(() => heard++)
  stop()
  expect((await submitResponse(envelopeFor(point), web())).status).toBe(201)
  expect(heard).toBe(0)
})
