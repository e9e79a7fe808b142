import { expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { resolveTarget } from '~/responses/target.server'
import { DEMO_PROVINCE_CODE, DEMO_SHORT_FORM_SERVICE_POINT, seedDemoData } from './seed.server'

const RESPONSES = 400

async function fingerprint() {
  const [counts] = await prisma.$queryRaw<
    { units: bigint; lineage: bigint; points: bigint; responses: bigint; answers: bigint; rollup: bigint }[]
  >`
    SELECT (SELECT count(*) FROM "AdminUnit") AS units, (SELECT count(*) FROM "UnitLineage") AS lineage,
      (SELECT count(*) FROM "ServicePoint") AS points, (SELECT count(*) FROM "Response") AS responses,
      (SELECT coalesce(sum(cardinality("answerValues")), 0) FROM "Response") AS answers, (SELECT coalesce(sum(n), 0) FROM "AnswerRollup") AS rollup`
  const [checksum] = await prisma.$queryRaw<{ md5: string }[]>`
    SELECT md5(string_agg(r.id::text || r."servicePointId" || r."provinceId" || r."submittedOn"::text || i.code || a.value::text, ','
      ORDER BY r.id, i.code, a.value)) AS md5
    FROM "Response" r CROSS JOIN LATERAL unnest(r."answerItemIds", r."answerValues") AS a("itemId", value)
      JOIN "Item" i ON i.id = a."itemId"`
  return { ...counts, checksum: checksum!.md5 }
}

async function emptyDatabase() {
  // TRUNCATE bypasses the row triggers that freeze published questionnaires.
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`)
}

test('the seed is deterministic: same counts and same checksum of the responses twice', async () => {
  expect(await seedDemoData({ responses: RESPONSES })).toMatchObject({ seeded: true, responses: RESPONSES })
  const first = await fingerprint()
  await emptyDatabase()
  await seedDemoData({ responses: RESPONSES })
  const second = await fingerprint()
  expect(second).toEqual(first)
  expect(first).toMatchObject({ units: 87n, lineage: 53n, points: 374n, responses: BigInt(RESPONSES) })
  // Every answer is counted once in the rollups.
  expect(first.rollup).toBe(first.answers)
})

test('a second seed of a database that has data does nothing', async () => {
  expect(await seedDemoData({ responses: 10 })).toEqual({ seeded: false })
})

test('the 34 provinces in force and the 63 historical ones are both there', async () => {
  const inForce = await prisma.adminUnit.count({ where: { validTo: null } })
  const before = await prisma.adminUnit.count({
    where: { OR: [{ validFrom: null }, { validFrom: { lt: new Date('2025-01-01') } }] },
  })
  expect(inForce).toBe(34)
  expect(before).toBe(63)
})

test('the demo asks the phone the short form at one service point, through a campaign of its province', async () => {
  const target = await resolveTarget(DEMO_SHORT_FORM_SERVICE_POINT, '2026-06-01')
  expect(target.shortFormChannels).toEqual(['phone'])
  const elsewhere = await resolveTarget(`${DEMO_PROVINCE_CODE}TP`, '2026-06-01')
  expect(elsewhere.shortFormChannels).toEqual([])
  expect(elsewhere.versionId).toBe(target.versionId)
})

test('the demo plans every service point of the national campaign of 2026', async () => {
  const campaign = await prisma.campaign.findFirstOrThrow({ where: { provinceId: null, startsOn: new Date('2026-01-01') }, select: { id: true, _count: { select: { servicePoints: true, samplingPlans: true } } } })
  expect(campaign._count.samplingPlans).toBe(campaign._count.servicePoints)
  const plans = await prisma.samplingPlan.findMany({ where: { campaignId: campaign.id }, select: { populationN: true, marginOfError: true } })
  expect(plans.every((plan) => plan.populationN >= 10 && plan.marginOfError === 0.05)).toBe(true)
})
