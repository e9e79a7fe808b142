import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import {
  createPaperBatch,
  createPaperWorld,
  keyPath,
  keySheet,
  reconcile,
  reconcilePath,
  sheet,
  viewKeying,
  viewReconciliation,
} from '../../test/factories/paper'
import { VOID_FIELD } from './compare'
import { countSheet, countWaitingSheets } from './counting.server'
import { listDisputes } from './reconcile.server'
import { paperResponseId } from './response-id.server'

/*
 * Void sheets (phiếu không hợp lệ) through the route actions a browser posts to: they fill the
 * batch's count, never become responses, and with double entry both passes must agree on them.
 */

/** A sheet the respondent left blank, marked void with reason 1 (blank). */
const blankSheet = (sheetNo: number) => ({ sheetNo: String(sheetNo), sheetDate: '2026-03-03', voidReason: '1' })

let world: Awaited<ReturnType<typeof createPaperWorld>>

/** A batch at the world's service point, opened by its first clerk. */
const worldBatch = async (options: { doubleEntry?: boolean; sheetCount?: number } = {}) =>
  (await createPaperBatch({ servicePointId: world.servicePoint.id, createdById: world.clerk.id, ...options })).id

beforeAll(async () => {
  world = await createPaperWorld()
})

const responseCount = (batchId: string, sheetCount = 10) =>
  prisma.response.count({
    where: { id: { in: Array.from({ length: sheetCount }, (_, i) => paperResponseId(batchId, i + 1)) } },
  })
const statuses = async (batchId: string) =>
  (
    await prisma.paperSheet.findMany({
      where: { batchId },
      orderBy: [{ sheetNo: 'asc' }, { pass: 'asc' }],
      select: { sheetNo: true, pass: true, status: true },
    })
  ).map((row) => `${row.sheetNo}/${row.pass}:${row.status}`)

describe('a void sheet in a single-entry batch', () => {
  test('fills the batch’s count, shows apart in the totals, and never becomes a response', async () => {
    const batchId = await worldBatch({ sheetCount: 3 })
    expect(await keySheet(world.clerk.id, batchId, sheet(1))).toMatchObject({
      status: 302,
      location: `${keyPath(batchId)}?saved=1`,
    })
    // Screened out: the answers typed before the clerk marked it void are dropped.
    const screenedOut = await keySheet(
      world.clerk.id,
      batchId,
      sheet(2, { screen: '2', 'svc.general': '', voidReason: '2' })
    )
    expect(screenedOut).toMatchObject({ status: 302, location: `${keyPath(batchId)}?saved=2&void=1` })
    expect(await keySheet(world.clerk.id, batchId, blankSheet(3))).toMatchObject({ status: 302 })

    expect(await statuses(batchId)).toEqual(['1/1:counted', '2/1:void', '3/1:void'])
    expect(await responseCount(batchId)).toBe(1)
    const payloads = await prisma.paperSheet.findMany({
      where: { batchId, status: 'void' },
      orderBy: { sheetNo: 'asc' },
      select: { payload: true },
    })
    expect(payloads.map((row) => row.payload)).toMatchObject([
      { submittedOn: '2026-03-02', answers: {}, voidReason: 'screened_out' },
      { submittedOn: '2026-03-03', answers: {}, voidReason: 'blank' },
    ])

    const page = await viewKeying(world.clerk.id, batchId, '?saved=3&void=1')
    expect(page.data).toMatchObject({
      next: null,
      savedVoid: true,
      totals: { keyed: 3, counted: 1, void: 2, waiting: 0 },
    })

    // Nothing counts it later either: not the waiting-sheets job, not a direct count.
    expect(await countWaitingSheets(batchId)).toEqual([])
    expect(await countSheet(batchId, 2)).toMatchObject({ counted: false })
    expect(await responseCount(batchId)).toBe(1)
  })

  test('a void sheet number keyed again is refused like any other', async () => {
    const batchId = await worldBatch()
    await keySheet(world.clerk.id, batchId, blankSheet(1))
    const again = await keySheet(world.clerk.id, batchId, sheet(1))
    expect(again.status).toBe(409)
    expect(await statuses(batchId)).toEqual(['1/1:void'])
    expect(await responseCount(batchId)).toBe(0)
  })

  test.each(['5', '0', 'x', 'blank'])(
    'an unknown reason %j is refused with 400 on its field and nothing is written',
    async (voidReason) => {
      const batchId = await worldBatch()
      const responsesBefore = await prisma.response.count()
      const refused = await keySheet(world.clerk.id, batchId, { ...blankSheet(1), voidReason }, 'en')
      expect(refused.status).toBe(400)
      expect(refused.data?.fieldErrors).toEqual({ voidReason: { key: 'keying.errors.voidReason' } })
      expect(refused.data?.values).toMatchObject({ voidReason })
      expect(await prisma.paperSheet.count({ where: { batchId } })).toBe(0)
      expect(await prisma.response.count()).toBe(responsesBefore)
    }
  )
})

describe('a void sheet in a double-entry batch', () => {
  test('both passes void: settled as void at once, whatever reason each gave', async () => {
    const batchId = await worldBatch({ doubleEntry: true, sheetCount: 2 })
    await keySheet(world.clerk.id, batchId, blankSheet(1))
    expect(await statuses(batchId)).toEqual(['1/1:keyed'])
    await keySheet(world.secondClerk.id, batchId, { ...blankSheet(1), voidReason: '3' })
    expect(await statuses(batchId)).toEqual(['1/1:void', '1/2:void'])
    expect(await listDisputes(batchId, [])).toEqual([])
    const page = await viewReconciliation(world.supervisor.id, batchId)
    expect(page.data).toMatchObject({
      sheetNos: [],
      totals: { keyed: 1, keyedSecond: 1, void: 1, counted: 0, mismatches: 0 },
    })
    expect(await responseCount(batchId)).toBe(0)
  })

  test('one pass void, the other keyed: listed for the supervisor, who settles it either way', async () => {
    const batchId = await worldBatch({ doubleEntry: true, sheetCount: 2 })
    await keySheet(world.clerk.id, batchId, blankSheet(1))
    await keySheet(world.clerk.id, batchId, sheet(2))
    await keySheet(world.secondClerk.id, batchId, sheet(1, { sheetDate: '2026-03-05' }))
    await keySheet(world.secondClerk.id, batchId, blankSheet(2))
    expect(await statuses(batchId)).toEqual(['1/1:mismatch', '1/2:mismatch', '2/1:mismatch', '2/2:mismatch'])

    const page = await viewReconciliation(world.supervisor.id, batchId)
    expect(page.data).toMatchObject({
      sheetNos: [1, 2],
      totals: { mismatches: 2, void: 0, counted: 0 },
      current: { sheetNo: 1, differences: [{ field: VOID_FIELD, first: 'blank', second: null }] },
    })

    // Keying the paper again is no answer to "void or not"; nothing changes.
    const rekeyed = await reconcile(world.supervisor.id, batchId, {
      intent: 'resolve',
      sheetNo: '1',
      [`choice:${VOID_FIELD}`]: 'rekeyed',
    })
    expect(rekeyed.status).toBe(400)
    expect(rekeyed.data?.fieldErrors).toEqual({ [VOID_FIELD]: { key: 'reconcile.errors.choose' } })
    expect(await statuses(batchId)).toEqual(['1/1:mismatch', '1/2:mismatch', '2/1:mismatch', '2/2:mismatch'])

    // Sheet 1: the first pass was right, the sheet is void.
    const asVoid = await reconcile(world.supervisor.id, batchId, {
      intent: 'resolve',
      sheetNo: '1',
      [`choice:${VOID_FIELD}`]: 'first',
    })
    expect(asVoid).toMatchObject({ status: 302, location: `${reconcilePath(batchId)}?resolved=1&void=1` })
    // Sheet 2: the first pass's answers are what the paper says; the sheet counts.
    const asKeyed = await reconcile(world.supervisor.id, batchId, {
      intent: 'resolve',
      sheetNo: '2',
      [`choice:${VOID_FIELD}`]: 'first',
    })
    expect(asKeyed).toMatchObject({ status: 302, location: `${reconcilePath(batchId)}?resolved=2` })

    expect(await statuses(batchId)).toEqual([
      '1/1:void',
      '1/2:void',
      '1/3:void',
      '2/1:counted',
      '2/2:counted',
      '2/3:counted',
    ])
    expect(
      await prisma.response.findUnique({ where: { id: paperResponseId(batchId, 1) }, select: { id: true } })
    ).toBeNull()
    expect(
      await prisma.response.findUnique({ where: { id: paperResponseId(batchId, 2) }, select: { channel: true } })
    ).toEqual({ channel: 'paper' })
    const after = await viewReconciliation(world.supervisor.id, batchId)
    expect(after.data).toMatchObject({ sheetNos: [], totals: { keyed: 2, void: 1, counted: 1, mismatches: 0 } })

    const audit = await prisma.auditEvent.findMany({
      where: { action: 'paper.sheet_resolved', target: `paper_batch:${batchId}` },
      orderBy: { id: 'asc' },
      select: { actorId: true, details: true },
    })
    expect(audit).toEqual([
      { actorId: world.supervisor.id, details: { sheetNo: 1, choices: { [VOID_FIELD]: 'first' } } },
      { actorId: world.supervisor.id, details: { sheetNo: 2, choices: { [VOID_FIELD]: 'first' } } },
    ])
  })

  test('without a choice nothing is settled', async () => {
    const batchId = await worldBatch({ doubleEntry: true })
    await keySheet(world.clerk.id, batchId, sheet(1))
    await keySheet(world.secondClerk.id, batchId, blankSheet(1))
    const none = await reconcile(world.supervisor.id, batchId, {
      intent: 'resolve',
      sheetNo: '1',
    })
    expect(none.status).toBe(400)
    expect(none.data?.fieldErrors).toEqual({ [VOID_FIELD]: { key: 'reconcile.errors.choose' } })
    expect(await statuses(batchId)).toEqual(['1/1:mismatch', '1/2:mismatch'])
    expect(await responseCount(batchId)).toBe(0)
  })
})
