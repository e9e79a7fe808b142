import { expect, test, vi } from 'vitest'
import { prisma } from '~/db.server'
import { QUALITY_FLAGS } from '~/quality/flags'
import { createEnrolledKiosk } from '../../test/factories/kiosks'
import { createSurveyPoint, envelopeFor } from '../../test/factories/submissions'
import { countWindows } from './burst-windows.server'
import { type SubmissionContext, submitResponse } from './submit.server'

/*
 * The burst windows in the database (docs/decisions/023-several-app-servers.md): every app
 * server's submissions count in every other's windows.
 */

test('a window counts the stored submissions at its key, the earlier ones of the batch, and itself', async () => {
  const at = Date.parse('2025-05-05T03:00:00Z')
  await prisma.recentSubmission.createMany({
    data: [
      { key: 'sp:a', at: new Date(at - 30_000) },
      { key: 'sp:a', at: new Date(at - 90_000) },
      { key: 'sp:b', at: new Date(at - 10_000) },
    ],
  })
  const window = (key: string, offset = 0) => [{ key, at: at + offset, windowSeconds: 60 }]
  expect(await countWindows([window('sp:a'), window('sp:b'), window('sp:a', 1), window('sp:c')])).toEqual([[2], [2], [3], [1]])
})

test('a burst sent half through one app server and half through another is flagged as if through one', async () => {
  const point = await createSurveyPoint()
  const kiosk = await createEnrolledKiosk({ servicePointId: point.servicePoint.id })
  const context: SubmissionContext = {
    channel: 'kiosk',
    kioskId: kiosk.id,
    kioskServicePointId: point.servicePoint.id,
    language: 'vi',
  }
  // A second copy of the submission modules, with its own group commit: another app server.
  vi.resetModules()
  const other = await import('./submit.server')
  for (let i = 0; i < 8; i++) {
    const submit = i % 2 ? other.submitResponse : submitResponse
    expect((await submit(envelopeFor(point), context)).status).toBe(201)
  }
  const rows = await prisma.response.findMany({ where: { kioskId: kiosk.id }, select: { flags: true } })
  expect(rows).toHaveLength(8)
  // Three a minute from one kiosk is the most a person can answer (QualitySettingsSchema): the
  // fourth and every later one is a burst, whichever server took it.
  expect(rows.filter((row) => row.flags & QUALITY_FLAGS.BURST)).toHaveLength(5)
  expect(await prisma.recentSubmission.count({ where: { key: `kiosk:${kiosk.id}` } })).toBe(8)
})
