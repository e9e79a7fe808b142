import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import {
  createClerk,
  createPaperBatch,
  createPaperServicePoint,
  createPaperWorld,
  createProvinceUser,
  keySheet,
  openBatch,
  reconcile,
  sheet,
  viewKeying,
  viewReconciliation,
} from '../../test/factories/paper'
import { countSheet } from './counting.server'
import { listDisputes, resolveSheet } from './reconcile.server'
import { paperResponseId } from './response-id.server'

/*
 * Paper entry end to end through the route actions a browser posts to: opening a batch, keying
 * sheets, double entry and reconciliation, down to the responses stored by the submission path.
 */

let world: Awaited<ReturnType<typeof createWorld>>

/** A batch at the world's service point, opened by its first clerk. */
const worldBatch = async (options: { doubleEntry?: boolean; sheetCount?: number } = {}) =>
  (await createPaperBatch({ servicePointId: world.servicePoint.id, createdById: world.clerk.id, ...options })).id

async function createWorld() {
  const paper = await createPaperWorld()
  const other = await createPaperServicePoint()
  const thirdClerk = await createClerk(paper.province.id, [paper.servicePoint.id])
  const outsider = await createClerk(other.province.id, [other.servicePoint.id])
  const otherSupervisor = await createProvinceUser('province_admin', paper.province.id)
  return { ...paper, thirdClerk, outsider, otherSupervisor }
}

beforeAll(async () => {
  world = await createWorld()
})

async function responsesOf(batchId: string) {
  const responses = await prisma.response.findMany({
    where: {
      paperSheetId: { not: null },
      id: { in: Array.from({ length: 20 }, (_, i) => paperResponseId(batchId, i + 1)) },
    },
    orderBy: { submittedOn: 'asc' },
    select: { id: true, channel: true, submittedOn: true, paperSheetId: true, answerItemIds: true, answerValues: true },
  })
  const items = await prisma.item.findMany({
    where: { id: { in: responses.flatMap((r) => r.answerItemIds) } },
    select: { id: true, code: true },
  })
  const codes = new Map(items.map((item) => [item.id, item.code]))
  return responses.map(({ answerItemIds, answerValues, ...response }) => ({
    ...response,
    answers: answerItemIds.map((itemId, i) => ({ value: answerValues[i]!, item: { code: codes.get(itemId)! } })),
  }))
}

describe('a single-entry batch', () => {
  test('a clerk opens it, and every saved sheet becomes one response on the paper channel, dated as on the sheet', async () => {
    const opened = await openBatch(world.clerk.id, {
      servicePointId: world.servicePoint.id,
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
      sheetCount: '3',
    })
    expect(opened).toMatchObject({ status: 302, location: expect.stringMatching(/^\/paper\/batches\/[0-9a-f-]{36}$/) })
    const batchId = opened.location!.split('/').pop()!

    for (const [sheetNo, day] of [
      [1, '2026-03-02'],
      [2, '2026-03-02'],
      [3, '2026-03-05'],
    ] as const) {
      const saved = await keySheet(world.clerk.id, batchId, sheet(sheetNo, { sheetDate: day }))
      expect(saved).toMatchObject({ status: 302, location: `/paper/batches/${batchId}?saved=${sheetNo}` })
    }

    const responses = await responsesOf(batchId)
    expect(responses.map((r) => [r.channel, r.submittedOn.toISOString().slice(0, 10)])).toEqual([
      ['paper', '2026-03-02'],
      ['paper', '2026-03-02'],
      ['paper', '2026-03-05'],
    ])
    const sheets = await prisma.paperSheet.findMany({ where: { batchId }, select: { id: true, status: true } })
    expect(new Set(responses.map((r) => r.paperSheetId))).toEqual(new Set(sheets.map((s) => s.id)))
    expect(sheets.every((s) => s.status === 'counted')).toBe(true)
    const codes = responses[0]!.answers.map((a) => `${a.item.code}=${a.value}`).sort()
    expect(codes).toEqual([
      'screen=1',
      'svc.channels=1',
      'svc.channels=3',
      'svc.field=10',
      'svc.general=5',
      'svc.online_easy=5',
      'svc.online_used=1',
      'svc.polite=4',
      'svc.rules=-2',
    ])

    const page = await viewKeying(world.clerk.id, batchId)
    expect(page.data).toMatchObject({ next: null, totals: { keyed: 3, counted: 3, mismatches: 0, waiting: 0 } })
    const opening = await prisma.auditEvent.findFirst({
      where: { action: 'paper.batch_opened', target: `paper_batch:${batchId}` },
      select: { actorId: true },
    })
    expect(opening).toEqual({ actorId: world.clerk.id })
  })

  test('a sheet number keyed again is refused and counted once', async () => {
    const batchId = await worldBatch()
    await keySheet(world.clerk.id, batchId, sheet(1))
    const again = await keySheet(world.secondClerk.id, batchId, sheet(1, { 'svc.polite': '2' }))
    expect(again.status).toBe(409)
    expect(again.data?.fieldErrors).toEqual({ sheetNo: { key: 'keying.errors.alreadyKeyed', params: { sheetNo: 1 } } })
    expect(await responsesOf(batchId)).toHaveLength(1)
  })
})

describe('a double-entry batch', () => {
  test('counts nothing until the passes agree or a supervisor resolves, then exactly one response per sheet', async () => {
    const batchId = await worldBatch({ doubleEntry: true, sheetCount: 2 })
    await keySheet(world.clerk.id, batchId, sheet(1, { comment: 'Cần thêm   ghế chờ' }))
    await keySheet(world.clerk.id, batchId, sheet(2, { comment: 'Ghi chú riêng của lần nhập một' }))
    expect(await responsesOf(batchId)).toHaveLength(0)

    // Blind: the second clerk's screen carries nothing of the first pass.
    const secondScreen = await viewKeying(world.secondClerk.id, batchId)
    expect(secondScreen.data).toMatchObject({ next: 1, totals: { keyed: 2, keyedSecond: 0 } })
    expect(JSON.stringify(secondScreen.data)).not.toContain('lần nhập một')

    // The same sheet keyed alike (ticks in another order, spacing) counts at once.
    const agreed = await keySheet(
      world.secondClerk.id,
      batchId,
      sheet(1, { 'svc.channels': '1 3', comment: 'Cần thêm ghế chờ' })
    )
    expect(agreed.status).toBe(302)
    expect(await responsesOf(batchId)).toHaveLength(1)

    // Keyed differently: waits for the supervisor.
    await keySheet(
      world.secondClerk.id,
      batchId,
      sheet(2, { sheetDate: '2026-03-03', 'svc.polite': '2', comment: 'Ghi chú riêng của lần nhập một' })
    )
    expect(await responsesOf(batchId)).toHaveLength(1)

    const page = await viewReconciliation(world.supervisor.id, batchId)
    expect(page.data).toMatchObject({
      sheetNos: [2],
      totals: { keyed: 2, keyedSecond: 2, counted: 1, mismatches: 1 },
      current: {
        sheetNo: 2,
        ownSheet: false,
        differences: [
          { field: 'sheetDate', first: '2026-03-02', second: '2026-03-03' },
          { field: 'svc.polite', first: 4, second: 2 },
        ],
      },
    })

    const decision = {
      intent: 'resolve',
      sheetNo: '2',
      'choice:sheetDate': 'second',
      'choice:svc.polite': 'rekeyed',
      'rekey:svc.polite': '3',
    }
    const resolved = await reconcile(world.supervisor.id, batchId, decision)
    expect(resolved).toMatchObject({ status: 302, location: `/paper/batches/${batchId}/reconcile?resolved=2` })
    const responses = await responsesOf(batchId)
    expect(responses).toHaveLength(2)
    const second = responses.find((r) => r.id === paperResponseId(batchId, 2))!
    expect(second.submittedOn.toISOString().slice(0, 10)).toBe('2026-03-03')
    expect(second.answers.find((a) => a.item.code === 'svc.polite')?.value).toBe(3)

    // Resolving twice, or counting the sheet again, never adds a response.
    const again = await reconcile(world.otherSupervisor.id, batchId, decision)
    expect(again.status).toBe(409)
    expect(await countSheet(batchId, 2)).toMatchObject({ counted: true, replayed: true })
    expect(await countSheet(batchId, 1)).toMatchObject({ counted: true, replayed: true })
    expect(await responsesOf(batchId)).toHaveLength(2)

    const audit = await prisma.auditEvent.findFirst({
      where: { action: 'paper.sheet_resolved', target: `paper_batch:${batchId}` },
      select: { actorId: true, details: true },
    })
    expect(audit).toEqual({
      actorId: world.supervisor.id,
      details: { sheetNo: 2, choices: { sheetDate: 'second', 'svc.polite': 'rekeyed' } },
    })
  })

  test('takes two different clerks for a sheet, and no third pass', async () => {
    const batchId = await worldBatch({ doubleEntry: true })
    await keySheet(world.clerk.id, batchId, sheet(1))
    const twice = await keySheet(world.clerk.id, batchId, sheet(1))
    expect(twice.data?.fieldErrors).toEqual({ sheetNo: { key: 'keying.errors.youKeyedIt', params: { sheetNo: 1 } } })
    await keySheet(world.secondClerk.id, batchId, sheet(1))
    const third = await keySheet(world.thirdClerk.id, batchId, sheet(1))
    expect(third.data?.fieldErrors).toEqual({ sheetNo: { key: 'keying.errors.keyedTwice', params: { sheetNo: 1 } } })
    expect(await prisma.paperSheet.count({ where: { batchId } })).toBe(2)
    expect(await responsesOf(batchId)).toHaveLength(1)
  })

  test('a supervisor who keyed a pass cannot resolve it, and clerks cannot reconcile at all', async () => {
    const batchId = await worldBatch({ doubleEntry: true })
    await keySheet(world.clerk.id, batchId, sheet(1))
    await keySheet(world.supervisor.id, batchId, sheet(1, { 'svc.general': '1' }))
    const own = await reconcile(world.supervisor.id, batchId, {
      intent: 'resolve',
      sheetNo: '1',
      'choice:svc.general': 'first',
    })
    expect(own.status).toBe(409)
    expect(own.data?.fieldErrors).toEqual({ sheet: { key: 'reconcile.errors.ownSheet' } })
    expect((await viewReconciliation(world.clerk.id, batchId)).status).toBe(403)
    expect(await responsesOf(batchId)).toHaveLength(0)
  })

  test('two supervisors resolving the same sheet at once store one response', async () => {
    const batchId = await worldBatch({ doubleEntry: true })
    await keySheet(world.clerk.id, batchId, sheet(1))
    await keySheet(world.secondClerk.id, batchId, sheet(1, { 'svc.general': '1' }))
    const [dispute] = await listDisputes(batchId, [])
    const resolve = (supervisorId: string, value: number) =>
      resolveSheet({
        batchId,
        sheetNo: 1,
        supervisorId,
        clerkIds: dispute!.clerkIds,
        entry: { ...dispute!.first, answers: { ...dispute!.first.answers, 'svc.general': value } },
        choices: { 'svc.general': { from: 'rekeyed', value } },
      })
    const results = await Promise.all([resolve(world.supervisor.id, 2), resolve(world.otherSupervisor.id, 3)])
    expect(results.filter((result) => 'count' in result)).toHaveLength(1)
    expect(results.filter((result) => 'error' in result)).toEqual([{ error: { key: 'reconcile.errors.notDisputed' } }])
    expect(await responsesOf(batchId)).toHaveLength(1)
  })
})

describe('access', () => {
  test('a clerk not assigned to the service point gets 403 and writes nothing', async () => {
    const batchId = await worldBatch()
    const opened = await openBatch(world.outsider.id, {
      servicePointId: world.servicePoint.id,
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
      sheetCount: '3',
    })
    expect(opened.status).toBe(403)
    expect((await viewKeying(world.outsider.id, batchId)).status).toBe(403)
    expect((await keySheet(world.outsider.id, batchId, sheet(1))).status).toBe(403)
    expect(await prisma.paperSheet.count({ where: { batchId } })).toBe(0)
    expect(await prisma.paperBatch.count({ where: { createdById: world.outsider.id } })).toBe(0)
  })
})

describe('bad input', () => {
  test('is refused with an error on each field, in the shared rules’ terms, and nothing is written', async () => {
    const batchId = await worldBatch({ sheetCount: 5 })
    const responsesBefore = await prisma.response.count()

    const keys = await keySheet(
      world.clerk.id,
      batchId,
      sheet(0, { sheetDate: '2026-04-01', 'svc.polite': '7', 'svc.channels': '5' })
    )
    expect(keys.status).toBe(400)
    expect(keys.data?.fieldErrors).toEqual({
      sheetNo: { key: 'keying.errors.sheetNo', params: { max: 5 } },
      sheetDate: { key: 'keying.errors.sheetDate', params: { from: '01/03/2026', to: '31/03/2026' } },
      'svc.polite': { key: 'keying.errors.unknownKey' },
      'svc.channels': { key: 'keying.errors.unknownKey' },
    })
    expect(keys.data?.values).toMatchObject({ 'svc.polite': '7' })

    const rules = await keySheet(world.clerk.id, batchId, sheet(1, { 'svc.general': '', 'svc.online_used': '2' }))
    expect(rules.status).toBe(400)
    expect(rules.data?.fieldErrors).toEqual({
      'svc.online_easy': { key: 'keying.answerErrors.hidden_item', params: {} },
      'svc.general': { key: 'keying.answerErrors.required', params: {} },
    })

    expect(await prisma.paperSheet.count({ where: { batchId } })).toBe(0)
    expect(await prisma.response.count()).toBe(responsesBefore)
  })

  test('a batch form with an impossible period or outside any campaign opens nothing', async () => {
    const before = await prisma.paperBatch.count()
    const form = {
      servicePointId: world.servicePoint.id,
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
      sheetCount: '10',
    }
    const backwards = await openBatch(world.clerk.id, { ...form, toDate: '2026-02-01' })
    expect(backwards).toMatchObject({ status: 400, data: { fieldErrors: { toDate: { key: 'batches.errors.toBeforeFrom' } } } })
    const noCampaign = await openBatch(world.clerk.id, { ...form, fromDate: '2025-12-01', toDate: '2025-12-31' })
    expect(noCampaign).toMatchObject({
      status: 400,
      data: { fieldErrors: { fromDate: { key: 'batches.errors.noCampaign' } } },
    })
    const straddling = await openBatch(world.clerk.id, { ...form, fromDate: '2025-12-15', toDate: '2026-01-15' })
    expect(straddling).toMatchObject({
      status: 400,
      data: { fieldErrors: { fromDate: { key: 'batches.errors.noCampaign' } } },
    })
    expect(await prisma.paperBatch.count()).toBe(before)
  })
})

describe('a sheet agreed but not counted (the database failed in between)', () => {
  test('is counted from the reconciliation page, once', async () => {
    const batchId = await worldBatch()
    await keySheet(world.clerk.id, batchId, sheet(1))
    // As if the response had never been stored: the sheet is left agreed.
    await prisma.pendingRollup.deleteMany({ where: { responseId: paperResponseId(batchId, 1) } })
    await prisma.response.delete({ where: { id: paperResponseId(batchId, 1) } })
    await prisma.paperSheet.updateMany({ where: { batchId }, data: { status: 'agreed' } })
    const page = await viewReconciliation(world.supervisor.id, batchId)
    expect(page.data).toMatchObject({ totals: { waiting: 1, counted: 0 } })

    const counted = await reconcile(world.supervisor.id, batchId, { intent: 'count' })
    expect(counted).toMatchObject({ status: 302, location: `/paper/batches/${batchId}/reconcile?counted=1` })
    await reconcile(world.supervisor.id, batchId, { intent: 'count' })
    expect(await responsesOf(batchId)).toHaveLength(1)
    expect(await prisma.paperSheet.findMany({ where: { batchId }, select: { status: true } })).toEqual([
      { status: 'counted' },
    ])
  })
})
