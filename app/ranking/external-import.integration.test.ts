import { beforeAll, expect, test } from 'vitest'
import { listAuditEvents } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { createUser } from '../../test/factories/accounts'
import { createProvince } from '../../test/factories/units'
import { getExternalScores, importExternalScores } from './external-import.server'

const NOW = new Date('2026-03-01T00:00:00Z')
let actorId: string
let a: string
let b: string

beforeAll(async () => {
  actorId = (await createUser({ role: 'ministry_admin' })).id
  a = (await createProvince()).code
  b = (await createProvince()).code
})

test('a clean file is imported whole and audited', async () => {
  const result = await importExternalScores(`unit_code;year;index;score\n${a};2025;PAR INDEX;91,5\n${b};2025;PAR_INDEX;88\n`, actorId, NOW)
  expect(result).toEqual({ imported: 2, problems: [] })
  expect(await getExternalScores('PAR_INDEX', 2025)).toEqual(new Map([[a, { score: 91.5, rank: null }], [b, { score: 88, rank: null }]]))
  const [event] = await listAuditEvents({ action: 'external_scores.imported', take: 1 })
  expect(event).toMatchObject({ actorId, details: { rows: 2, ranked: 0, indices: ['PAR_INDEX'], years: [2025] } })
})

test('one bad row and nothing is written, not even the good rows before it', async () => {
  const before = await prisma.externalScore.count()
  const result = await importExternalScores(
    `unit_code,year,index,score\n${a},2025,PCI,70\n${b},2025,PCI,71\nNOPE,2025,PCI,72\n`,
    actorId,
    NOW,
  )
  expect(result.imported).toBe(0)
  expect(result.problems).toEqual([{ line: 4, key: 'import.errors.unit', values: { code: 'NOPE', year: 2025 } }])
  expect(await prisma.externalScore.count()).toBe(before)
  expect(await getExternalScores('PCI', 2025)).toEqual(new Map())
})

test('a province of the 34 is unknown before the merger year', async () => {
  const result = await importExternalScores(`unit_code,year,index,score\n${a},2024,PAPI,45\n`, actorId, NOW)
  expect(result.problems.map((p) => p.key)).toEqual(['import.errors.unit'])
})

test('re-importing a unit, year and index replaces its score', async () => {
  await importExternalScores(`unit_code,year,index,score\n${a},2025,DDCI,60\n`, actorId, NOW)
  await importExternalScores(`unit_code,year,index,score\n${a},2025,DDCI,65.25\n`, actorId, NOW)
  expect(await getExternalScores('DDCI', 2025)).toEqual(new Map([[a, { score: 65.25, rank: null }]]))
})

test('a failure while writing rolls back every row and the audit event', async () => {
  // A NaN score passes no parser, so break the write instead: a score the column refuses.
  await prisma.$executeRawUnsafe(
    `ALTER TABLE "ExternalScore" ADD CONSTRAINT test_score_below_99 CHECK (score < 99)`,
  )
  try {
    const events = (await listAuditEvents({ action: 'external_scores.imported' })).length
    await expect(
      importExternalScores(`unit_code,year,index,score\n${a},2025,PAPI,50\n${b},2025,PCI,99.5\n`, actorId, NOW),
    ).rejects.toThrow()
    expect(await getExternalScores('PAPI', 2025)).toEqual(new Map())
    expect((await listAuditEvents({ action: 'external_scores.imported' })).length).toBe(events)
  } finally {
    await prisma.$executeRawUnsafe(`ALTER TABLE "ExternalScore" DROP CONSTRAINT test_score_below_99`)
  }
})

test("the publisher's ranks are stored with the scores, two ranks for one printed score", async () => {
  const c = (await createProvince()).code
  const result = await importExternalScores(
    `unit_code;year;index;score;rank\n${a};2025;PCI;89,13;23\n${b};2025;PCI;89,13;22\n${c};2025;PCI;96,17;1\n`,
    actorId,
    NOW,
  )
  expect(result).toEqual({ imported: 3, problems: [] })
  expect(await getExternalScores('PCI', 2025)).toEqual(
    new Map([
      [a, { score: 89.13, rank: 23 }],
      [b, { score: 89.13, rank: 22 }],
      [c, { score: 96.17, rank: 1 }],
    ]),
  )
  const [event] = await listAuditEvents({ action: 'external_scores.imported', take: 1 })
  expect(event).toMatchObject({ details: { rows: 3, ranked: 3 } })

  // A correction must agree with the ranks already stored: b now above c's score but ranked below it.
  const before = await getExternalScores('PCI', 2025)
  const refused = await importExternalScores(`unit_code,year,index,score,rank\n${b},2025,PCI,97,22\n`, actorId, NOW)
  expect(refused).toEqual({
    imported: 0,
    problems: [
      {
        line: 2,
        key: 'import.errors.rankOrderStored',
        values: { rank: 22, score: 97, code: c, otherRank: 1, otherScore: 96.17 },
      },
    ],
  })
  expect(await getExternalScores('PCI', 2025)).toEqual(before)
})

test('a rank against the score order is refused with its line, and nothing is written', async () => {
  const result = await importExternalScores(
    `unit_code,name,year,index,score,rank\n${a},"Tỉnh A\n(mới)",2025,PAPI,45.2,2\n${b},Tỉnh B,2025,PAPI,44.1,1\n`,
    actorId,
    NOW,
  )
  // The quoted line break puts b's record on line 4.
  expect(result.problems).toEqual([
    { line: 4, key: 'import.errors.rankOrder', values: { rank: 1, score: 44.1, other: 2, otherRank: 2, otherScore: 45.2 } },
  ])
  expect(await getExternalScores('PAPI', 2025)).toEqual(new Map())
})
