import { randomUUID } from 'node:crypto'
import { prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'
import type { Batch } from './batches.server'
import { compareEntries } from './compare'
import { countSheet, type CountResult } from './counting.server'
import { readPayload, type SheetPayload } from './payload'
import { FIRST_PASS, SECOND_PASS, type SheetStatus } from './sheet-status'

/*
 * Keying: each save claims one (batch, sheet number, pass) row — the unique key decides, never
 * a read — then, when the sheet is agreed, counts it. Single entry: the first pass is the
 * sheet. Double entry: the first clerk to key a number writes pass 1, a different clerk pass 2;
 * the second save compares the two and the sheet is agreed (or void, both passes saying so) or
 * goes to the supervisor. A void sheet is settled without a response (app/paper/void.ts).
 */

export type KeyError = { field: 'sheetNo'; key: string }
export type KeyResult = { error: KeyError } | { pass: number; status: SheetStatus; count: CountResult | null }

export async function keySheet(
  batch: Pick<Batch, 'id' | 'doubleEntry'>,
  input: { clerkId: string; sheetNo: number; payload: SheetPayload; order: readonly string[] }
): Promise<KeyResult> {
  const { clerkId, sheetNo, payload } = input
  if (!batch.doubleEntry) {
    const status: SheetStatus = payload.voidReason ? 'void' : 'agreed'
    if (!(await claim(batch.id, sheetNo, FIRST_PASS, clerkId, payload, status))) {
      return { error: { field: 'sheetNo', key: 'keying.errors.alreadyKeyed' } }
    }
    return { pass: FIRST_PASS, status, count: status === 'agreed' ? await countSheet(batch.id, sheetNo) : null }
  }

  if (await claim(batch.id, sheetNo, FIRST_PASS, clerkId, payload, 'keyed'))
    return { pass: FIRST_PASS, status: 'keyed', count: null }
  const first = await prisma.paperSheet.findUniqueOrThrow({
    where: { batchId_sheetNo_pass: { batchId: batch.id, sheetNo, pass: FIRST_PASS } },
    select: { clerkId: true, payload: true },
  })
  // Double entry means two people: the same clerk keying a sheet twice checks nothing.
  if (first.clerkId === clerkId) return { error: { field: 'sheetNo', key: 'keying.errors.youKeyedIt' } }
  // The second copy and the verdict are written together: a sheet is never keyed twice yet unjudged.
  const status = await prisma.$transaction(async (tx): Promise<SheetStatus | null> => {
    if (!(await claim(batch.id, sheetNo, SECOND_PASS, clerkId, payload, 'keyed', tx))) return null
    const firstCopy = readPayload(first.payload)
    const alike = compareEntries(firstCopy, payload, input.order).length === 0
    const verdict: SheetStatus = !alike ? 'mismatch' : payload.voidReason ? 'void' : 'agreed'
    await setSheetStatus(batch.id, sheetNo, verdict, tx)
    return verdict
  })
  if (!status) return { error: { field: 'sheetNo', key: 'keying.errors.keyedTwice' } }
  return { pass: SECOND_PASS, status, count: status === 'agreed' ? await countSheet(batch.id, sheetNo) : null }
}

type Client = Pick<typeof prisma, 'paperSheet'> | Prisma.TransactionClient

/** Inserts a keyed copy unless that pass of the sheet exists; false when it did. */
export async function claim(
  batchId: string,
  sheetNo: number,
  pass: number,
  clerkId: string,
  payload: SheetPayload,
  status: SheetStatus,
  client: Client = prisma
) {
  const { count } = await client.paperSheet.createMany({
    data: [{ id: randomUUID(), batchId, sheetNo, pass, clerkId, status, payload: payload as Prisma.InputJsonValue }],
    skipDuplicates: true,
  })
  return count === 1
}

async function setSheetStatus(batchId: string, sheetNo: number, status: SheetStatus, client: Client = prisma) {
  await client.paperSheet.updateMany({ where: { batchId, sheetNo }, data: { status } })
}

/**
 * The number a clerk keys next: the lowest one they have not keyed and that is still open to
 * them (not keyed twice already); null when there is none.
 */
export async function nextSheetNo(
  batch: Pick<Batch, 'id' | 'sheetCount' | 'doubleEntry'>,
  clerkId: string
): Promise<number | null> {
  const rows = await prisma.paperSheet.findMany({
    where: { batchId: batch.id },
    select: { sheetNo: true, clerkId: true },
  })
  const mine = new Set(rows.filter((row) => row.clerkId === clerkId).map((row) => row.sheetNo))
  const copies = new Map<number, number>()
  for (const row of rows) copies.set(row.sheetNo, (copies.get(row.sheetNo) ?? 0) + 1)
  const needed = batch.doubleEntry ? 2 : 1
  for (let sheetNo = 1; sheetNo <= batch.sheetCount; sheetNo++) {
    if (!mine.has(sheetNo) && (copies.get(sheetNo) ?? 0) < needed) return sheetNo
  }
  return null
}

/** The date of the sheet a clerk keyed last, to start the next one with (sheets come in date order). */
export async function lastKeyedDate(batchId: string, clerkId: string): Promise<string | null> {
  const row = await prisma.paperSheet.findFirst({
    where: { batchId, clerkId },
    orderBy: { createdAt: 'desc' },
    select: { payload: true },
  })
  return row ? readPayload(row.payload).submittedOn : null
}
