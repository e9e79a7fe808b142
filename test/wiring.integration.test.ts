import { expect, test } from 'vitest'
import { FOLD_DELAY_MS } from '~/aggregation/rollup-fold.server'
import { prisma } from '~/db.server'
import { submitResponse } from '~/responses/submit.server'
import { createSurveyPoint, envelopeFor } from './factories/submissions'

/*
 * Integration tests run without the app's start-up wiring (readers fold the rollup queue first,
 * so none needs the background fold); this one loads the server entry, as the server does, and
 * checks what the wiring (app/wiring.server.ts) is for.
 */
await import('~/entry.server')

test('a stored submission reaches the rollups in the background, with no reader folding', async () => {
  const point = await createSurveyPoint()
  // A generous deadline: the first submission of a process warms caches on a busy machine.
  await submitResponse(envelopeFor(point), { channel: 'web', language: 'vi', deadline: Date.now() + 60_000 })

  // The fold runs FOLD_DELAY_MS after the write, then takes a moment on a busy machine.
  const deadline = Date.now() + FOLD_DELAY_MS + 30_000
  while ((await prisma.pendingRollup.count()) > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  expect(await prisma.pendingRollup.count()).toBe(0)
  const folded = await prisma.responseRollup.aggregate({ where: { servicePointId: point.servicePoint.id }, _sum: { n: true } })
  expect(folded._sum.n).toBe(1)
})
