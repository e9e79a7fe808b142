import { randomUUID } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import { KIOSK_TOKEN_HEADER } from '~/auth/kiosk-token'
import { PUBLIC_SUBMISSION_LIMIT, resetRateLimits } from '~/auth/rate-limit.server'
import { createEnrolledKiosk } from '../../test/factories/kiosks'
import { createSurveyPoint, envelopeFor, storedCounts } from '../../test/factories/submissions'
import { answerSubmissionApi, MAX_SUBMISSION_BATCH } from './submission-api.server'

/*
 * POST /api/submissions with a JSON array: a kiosk's offline queue sent in batches. Each
 * envelope is stored or refused as if sent alone; the answer lists every outcome in order.
 */

type Point = Awaited<ReturnType<typeof createSurveyPoint>>
let point: Point

beforeEach(async () => {
  point = await createSurveyPoint()
  await resetRateLimits()
})

async function post(body: unknown, headers: Record<string, string> = {}) {
  const all: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'en', ...headers }
  const answer = await answerSubmissionApi({
    method: 'POST',
    url: 'http://localhost/api/submissions',
    header: (name) => all[name.toLowerCase()] ?? null,
    clientIp: '203.0.113.9',
    readBody: async () => JSON.stringify(body),
  })
  return { status: answer.status, body: JSON.parse(answer.body) }
}

describe('a batch of submissions', () => {
  test('each envelope is stored or refused on its own, answered in the order sent', async () => {
    const kiosk = await createEnrolledKiosk({ servicePointId: point.servicePoint.id })
    const first = envelopeFor(point)
    await post(first, { [KIOSK_TOKEN_HEADER.toLowerCase()]: kiosk.token })
    const before = await storedCounts()
    const fresh = [envelopeFor(point), envelopeFor(point)]
    const invalid = envelopeFor(point, { answers: { screen: 9 } })
    const answer = await post([fresh[0], invalid, first, fresh[1]], { [KIOSK_TOKEN_HEADER.toLowerCase()]: kiosk.token })
    expect(answer.status).toBe(200)
    expect(answer.body.results).toMatchObject([
      { id: fresh[0]!.id, status: 201 },
      { id: invalid.id, status: 400, error: { code: 'unknown_option' } },
      { id: first.id, status: 200 },
      { id: fresh[1]!.id, status: 201 },
    ])
    expect(answer.body.results[1].error.message).toMatch(/not one of the options/)
    const after = await storedCounts()
    expect(after.responses).toBe(before.responses + 2)
  })

  test('an empty batch or one over the limit is refused whole', async () => {
    const before = await storedCounts()
    expect(await post([])).toMatchObject({ status: 400, body: { error: { code: 'invalid_batch' } } })
    const tooMany = Array.from({ length: MAX_SUBMISSION_BATCH + 1 }, () => envelopeFor(point))
    expect(await post(tooMany)).toMatchObject({ status: 400, body: { error: { code: 'invalid_batch', params: { max: 100 } } } })
    expect(await storedCounts()).toEqual(before)
  })

  test('each envelope costs one token of the budget; a batch that would overdraw it is refused whole', async () => {
    const full = Array.from({ length: MAX_SUBMISSION_BATCH }, () => envelopeFor(point))
    expect((await post(full)).body.results.every((result: { status: number }) => result.status === 201)).toBe(true)
    const before = await storedCounts()
    const next = Array.from({ length: PUBLIC_SUBMISSION_LIMIT.points - MAX_SUBMISSION_BATCH + 1 }, () =>
      envelopeFor(point, { id: randomUUID() }),
    )
    const refused = await post(next)
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } })
    expect(await storedCounts()).toEqual(before)
  })
})
