import { beforeAll, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { RESPONSE_MARKS } from '~/quality/flags'
import { type Survey, createSurvey, storeResponses, uniformAnswers } from '../../test/factories/survey'
import { unitFigures } from './figures.server'
import { parsePeriod } from './period'
import { rebuildMissingPairRollups, rebuildRollups, recomputeAll, verifyRollups } from './recompute.server'

const plain = { minN: 0, excludeFlagsMask: 0, useWeights: true }
const year = parsePeriod('2025')!

let survey: Survey

beforeAll(async () => {
  survey = await createSurvey({ provinces: 2, agencies: 1, servicePoints: 2, versions: ['sipas-2023'] })
  const [version] = survey.versions
  const specs = survey.servicePoints.flatMap((servicePoint, i) =>
    [1, 2, 3, 4, 5].map((value, j) => ({
      version: version!,
      servicePoint,
      submittedOn: `2025-0${1 + ((i + j) % 9)}-1${j}`,
      channel: j % 2 ? ('phone' as const) : ('kiosk' as const),
      // one flagged response and one verified (unflagged) one per service point
      flags: j === 4 ? 1 : j === 2 ? RESPONSE_MARKS.VERIFIED : 0,
      weight: 0.5 + j * 0.25,
      answers: uniformAnswers(version!.definition, value),
    })),
  )
  await storeResponses(survey, specs)
})

test('rollups written by insertResponses agree with the raw rows', async () => {
  expect(await verifyRollups()).toEqual({ ok: true, differences: 0, examples: [] })
})

test('verifyRollups lists every wrong, missing and extra cell; rebuildRollups repairs them', async () => {
  const before = await unitFigures({ period: year, level: 'servicePoint' }, plain)
  const [cell] = await prisma.$queryRaw<{ month: Date; servicePointId: string; itemId: number; value: number }[]>`
    SELECT month, "servicePointId", "itemId", value FROM "AnswerRollup" ORDER BY month, "servicePointId", "itemId", value LIMIT 1`
  await prisma.$executeRaw`
    UPDATE "AnswerRollup" SET n = n + 1, "sumW" = "sumW" + 1, "sumW2" = "sumW2" + 1
    WHERE month = ${cell!.month} AND "servicePointId" = ${cell!.servicePointId} AND "itemId" = ${cell!.itemId}
      AND value = ${cell!.value}`
  await prisma.$executeRaw`
    DELETE FROM "ResponseRollup" WHERE ctid = (SELECT ctid FROM "ResponseRollup" ORDER BY month LIMIT 1)`
  await prisma.$executeRaw`
    INSERT INTO "ResponseRollup" (month, "servicePointId", "agencyId", "provinceId", "versionId", channel, flags, n, "sumW", "sumW2")
    VALUES ('2025-12-01', ${survey.servicePoints[0]!.id}, ${survey.servicePoints[0]!.agencyId},
      ${survey.servicePoints[0]!.provinceId}, ${survey.versions[0]!.id}, 'web', 0, 7, 7, 7)`

  const check = await verifyRollups()
  expect(check.ok).toBe(false)
  expect(check.differences).toBe(3)
  const wrong = check.examples.find((d) => d.table === 'AnswerRollup')!
  expect(wrong).toMatchObject({ servicePointId: cell!.servicePointId, itemId: cell!.itemId, value: cell!.value })
  expect(wrong.rollup!.n).toBe(wrong.raw!.n + 1)
  expect(check.examples.filter((d) => d.table === 'ResponseRollup' && d.raw === null)).toHaveLength(1)
  expect(check.examples.filter((d) => d.table === 'ResponseRollup' && d.rollup === null)).toHaveLength(1)

  expect(await rebuildRollups()).toEqual({ differences: 3 })
  expect(await verifyRollups()).toMatchObject({ ok: true, differences: 0 })
  expect(await prisma.rollupRebuild.findMany({ select: { differences: true } })).toEqual([{ differences: 3 }])
  expect(await unitFigures({ period: year, level: 'servicePoint' }, plain)).toEqual(before)
})

test('a rebuild of correct rollups changes nothing and records 0 differences', async () => {
  const before = await recomputeAll(year, plain)
  expect(await rebuildRollups()).toEqual({ differences: 0 })
  expect(await recomputeAll(year, plain)).toEqual(before)
})

test('recomputeAll agrees with unitFigures at every level and counts exclusions', async () => {
  const options = { ...plain, excludeFlagsMask: 1, minN: 3 }
  const all = await recomputeAll(year, options)
  for (const level of ['servicePoint', 'agency', 'province'] as const) {
    expect(all[level]).toEqual(await unitFigures({ period: year, level }, options))
  }
  expect(all.province.reduce((sum, row) => sum + row.excluded, 0)).toBe(survey.servicePoints.length)
  expect(all.national.provinces).toHaveLength(2)
  expect(all.servicePoint.every((row) => row.figures.n === 4 && !row.figures.suppressed)).toBe(true)
  expect(all.servicePoint.every((row) => row.verified === 1)).toBe(true)
  expect(all.national.verified).toBe(survey.servicePoints.length)
})

test('recomputeAll on verified responses only agrees with unitFigures, and rebuilt rollups keep the mark', async () => {
  const options = { ...plain, excludeFlagsMask: 1, responses: 'verified' as const }
  const all = await recomputeAll(year, options)
  for (const level of ['servicePoint', 'agency', 'province'] as const) {
    expect(all[level]).toEqual(await unitFigures({ period: year, level }, options))
  }
  expect(all.servicePoint.map((row) => [row.figures.n, row.verified, row.excluded])).toEqual(
    survey.servicePoints.map(() => [1, 1, 0]),
  )
  expect(await rebuildRollups()).toEqual({ differences: 0 })
  expect(await recomputeAll(year, options)).toEqual(all)
})

test('each response pairs its valid answers to index items; a wrong pair cell is found and rebuilt', async () => {
  // The diagonal pairs count each valid answer to an index item once, as AnswerRollup does, and
  // each positive one once in nA, nB and nAB alike.
  const [counts] = await prisma.$queryRaw<
    { diagonal: number; answers: number; pairs: number; positiveA: number; positiveB: number; positiveAB: number; positive: number }[]
  >`
    SELECT (SELECT sum(n) FROM "AnswerPairRollup" WHERE "itemA" = "itemB")::int AS diagonal,
      (SELECT sum(a.n) FROM "AnswerRollup" a JOIN "Item" i ON i.id = a."itemId" WHERE i."inIndex" AND a.value >= 1)::int
        AS answers,
      (SELECT count(*) FROM "AnswerPairRollup" WHERE "itemA" < "itemB")::int AS pairs,
      (SELECT sum("nA") FROM "AnswerPairRollup" WHERE "itemA" = "itemB")::int AS "positiveA",
      (SELECT sum("nB") FROM "AnswerPairRollup" WHERE "itemA" = "itemB")::int AS "positiveB",
      (SELECT sum("nAB") FROM "AnswerPairRollup" WHERE "itemA" = "itemB")::int AS "positiveAB",
      (SELECT sum(a.n) FROM "AnswerRollup" a JOIN "Item" i ON i.id = a."itemId"
        WHERE i."inIndex" AND a.value >= 1 AND a.value = ANY(i.positive))::int AS positive`
  expect(counts!.diagonal).toBeGreaterThan(0)
  expect(counts!.diagonal).toBe(counts!.answers)
  expect(counts!.pairs).toBeGreaterThan(0)
  expect(counts!.positive).toBeGreaterThan(0)
  expect([counts!.positiveA, counts!.positiveB, counts!.positiveAB]).toEqual([counts!.positive, counts!.positive, counts!.positive])

  await prisma.$executeRaw`
    UPDATE "AnswerPairRollup" SET "sumW2AB" = "sumW2AB" + 1
    WHERE ctid = (SELECT ctid FROM "AnswerPairRollup" WHERE "itemA" < "itemB" ORDER BY month, "itemA", "itemB" LIMIT 1)`
  const check = await verifyRollups()
  expect(check.differences).toBe(1)
  const [wrong] = check.examples
  expect(wrong).toMatchObject({ table: 'AnswerPairRollup' })
  expect(wrong!.itemB).toBeGreaterThan(wrong!.itemId!)
  expect(await rebuildRollups()).toEqual({ differences: 1 })
  expect(await verifyRollups()).toMatchObject({ ok: true, differences: 0 })

  // A wrong unweighted count is found as well, and listed with both sides' counts.
  await prisma.$executeRaw`
    UPDATE "AnswerPairRollup" SET "nAB" = "nAB" + 1
    WHERE ctid = (SELECT ctid FROM "AnswerPairRollup" WHERE "itemA" < "itemB" ORDER BY month, "itemA", "itemB" LIMIT 1)`
  const counted = await verifyRollups()
  expect(counted.differences).toBe(1)
  const [miscounted] = counted.examples
  expect(miscounted!.raw).toMatchObject({ n: miscounted!.rollup!.n, nA: expect.any(Number) })
  expect((miscounted!.rollup as { nAB: number }).nAB).toBe((miscounted!.raw as { nAB: number }).nAB + 1)
  expect(await rebuildRollups()).toEqual({ differences: 1 })
  expect(await verifyRollups()).toMatchObject({ ok: true, differences: 0 })
})

test('rollups stored before the pair table existed get their pairs at the next migration', async () => {
  await prisma.$executeRaw`DELETE FROM "AnswerPairRollup"`
  expect(await rebuildMissingPairRollups()).toEqual({ rebuilt: true })
  expect(await verifyRollups()).toMatchObject({ ok: true, differences: 0 })
  expect(await rebuildMissingPairRollups()).toEqual({ rebuilt: false })
})
