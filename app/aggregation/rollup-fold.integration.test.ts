import { beforeAll, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { type Survey, createSurvey, storeUniformResponses, uniformAnswers } from '../../test/factories/survey'
import { unitFigures } from './figures.server'
import { parsePeriod } from './period'
import { rebuildRollups, verifyRollups } from './recompute.server'
import { FOLD_DELAY_MS, foldPendingRollups, scheduleRollupFold, settleRollupFolds } from './rollup-fold.server'

const year = parsePeriod('2025')!
const plain = { minN: 0, excludeFlagsMask: 0, useWeights: false }

let survey: Survey
beforeAll(async () => {
  survey = await createSurvey({ provinces: 1, agencies: 1, servicePoints: 2, versions: ['sipas-2023'] })
})

const rollupTotals = async () => {
  const [row] = await prisma.$queryRaw<{ answers: number; responses: number }[]>`
    SELECT (SELECT coalesce(sum(n), 0)::int FROM "AnswerRollup") AS answers,
      (SELECT coalesce(sum(n), 0)::int FROM "ResponseRollup") AS responses`
  return row!
}

const store = (count: number, value: number) => storeUniformResponses(survey, count, value)

test('a stored response waits in the queue until a fold adds it to the rollups, once', async () => {
  await foldPendingRollups()
  const before = await rollupTotals()
  const stored = await store(6, 5)
  const answersEach = uniformAnswers(survey.versions[0]!.definition, 5).length

  expect(await prisma.pendingRollup.count()).toBe(6)
  expect(await rollupTotals()).toEqual(before)

  expect(await foldPendingRollups()).toBe(6)
  expect(await prisma.pendingRollup.count()).toBe(0)
  expect(await rollupTotals()).toEqual({ answers: before.answers + 6 * answersEach, responses: before.responses + 6 })
  // Nothing left to fold: a second fold changes nothing.
  expect(await foldPendingRollups()).toBe(0)
  expect(await rollupTotals()).toEqual({ answers: before.answers + 6 * answersEach, responses: before.responses + 6 })
  expect(stored).toHaveLength(6)
  expect(await verifyRollups()).toMatchObject({ ok: true, differences: 0 })
})

test('a scheduled fold empties the queue in the background, without any reader', async () => {
  await store(5, 5)
  expect(await prisma.pendingRollup.count()).toBe(5)
  for (let i = 0; i < 10; i++) scheduleRollupFold()
  await new Promise((resolve) => setTimeout(resolve, FOLD_DELAY_MS + 100))
  await settleRollupFolds()
  expect(await prisma.pendingRollup.count()).toBe(0)
  expect(await verifyRollups()).toMatchObject({ ok: true, differences: 0 })
})

test('folds running at the same time count every response exactly once', async () => {
  await foldPendingRollups()
  const before = await rollupTotals()
  await store(40, 4)
  const folded = await Promise.all([foldPendingRollups(), foldPendingRollups(), foldPendingRollups()])
  expect(folded.reduce((sum, n) => sum + n, 0)).toBe(40)
  expect((await rollupTotals()).responses).toBe(before.responses + 40)
  expect(await verifyRollups()).toMatchObject({ ok: true, differences: 0 })
})

test('figures read right after a submission include it (the reader folds first)', async () => {
  const provinceId = survey.servicePoints[0]!.provinceId
  const n = async () =>
    (await unitFigures({ level: 'province', period: year }, plain)).find((unit) => unit.unitId === provinceId)?.figures
      .n ?? 0
  const before = await n()
  await store(3, 1)
  expect(await prisma.pendingRollup.count()).toBe(3)
  expect(await n()).toBe(before + 3)
})

test('verifyRollups ignores queued responses; a rebuild counts them and empties the queue', async () => {
  await store(5, 2)
  expect(await prisma.pendingRollup.count()).toBe(5)
  // verifyRollups folds first, so the queued responses are in the rollups it checks.
  expect(await verifyRollups()).toMatchObject({ ok: true, differences: 0 })

  const before = await rollupTotals()
  await store(4, 3)
  expect(await rebuildRollups()).toEqual({ differences: 0 })
  expect(await prisma.pendingRollup.count()).toBe(0)
  expect((await rollupTotals()).responses).toBe(before.responses + 4)
  // Folding after the rebuild adds nothing twice.
  expect(await foldPendingRollups()).toBe(0)
  expect(await verifyRollups()).toMatchObject({ ok: true, differences: 0 })
})
