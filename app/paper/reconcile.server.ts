import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { type Choice, compareEntries, type Difference } from './compare'
import { countSheet, type CountResult } from './counting.server'
import { readPayload, type SheetPayload } from './payload'
import { FIRST_PASS, RESOLUTION_PASS, SECOND_PASS, type SheetStatus } from './sheet-status'
import { claim } from './sheets.server'

/*
 * Reconciliation: a supervisor sees, for each sheet the two passes disagree on, the fields
 * they differ in, and decides each one. The decision is written as a third copy of the sheet
 * (the unique key makes the first decision the only one), then the sheet is counted.
 */

export type Dispute = {
  sheetNo: number
  clerkIds: string[]
  first: SheetPayload
  second: SheetPayload
  differences: Difference[]
}

const copySelect = { sheetNo: true, pass: true, clerkId: true, status: true, payload: true } as const

/** The disputed sheets of a batch (or just `sheetNo`), with their differences, by number. */
export async function listDisputes(batchId: string, order: readonly string[], sheetNo?: number): Promise<Dispute[]> {
  const disputed = await prisma.paperSheet.findMany({
    where: { batchId, status: 'mismatch', pass: { in: [FIRST_PASS, SECOND_PASS] }, ...(sheetNo ? { sheetNo } : {}) },
    orderBy: [{ sheetNo: 'asc' }, { pass: 'asc' }],
    select: copySelect,
  })
  const disputes: Dispute[] = []
  for (let i = 0; i + 1 < disputed.length; i += 2) {
    const first = disputed[i]!
    const second = disputed[i + 1]!
    const a = readPayload(first.payload)
    const b = readPayload(second.payload)
    disputes.push({
      sheetNo: first.sheetNo,
      clerkIds: [first.clerkId, second.clerkId],
      first: a,
      second: b,
      differences: compareEntries(a, b, order),
    })
  }
  return disputes
}

export type ResolveError = { key: string }
/** `count` is null for a sheet settled as void: there is nothing to count. */
export type ResolveResult = { error: ResolveError } | { count: CountResult | null }

/**
 * Records the supervisor's decision on a disputed sheet and counts it. `entry` is the agreed
 * sheet (app/paper/compare.ts `resolveEntries`), already checked against the answer schema, or
 * the void copy the supervisor took.
 */
export async function resolveSheet(input: {
  batchId: string
  sheetNo: number
  supervisorId: string
  clerkIds: readonly string[]
  entry: SheetPayload
  choices: Readonly<Record<string, Choice>>
}): Promise<ResolveResult> {
  const { batchId, sheetNo, supervisorId } = input
  // Whoever keyed a copy is a party to the dispute, not its judge.
  if (input.clerkIds.includes(supervisorId)) return { error: { key: 'reconcile.errors.ownSheet' } }
  const status: SheetStatus = input.entry.voidReason ? 'void' : 'agreed'
  const resolved = await prisma.$transaction(async (tx) => {
    const { count } = await tx.paperSheet.updateMany({
      where: { batchId, sheetNo, status: 'mismatch' },
      data: { status },
    })
    if (count === 0) return false
    if (!(await claim(batchId, sheetNo, RESOLUTION_PASS, supervisorId, input.entry, status, tx))) return false
    await recordAudit(
      'paper.sheet_resolved',
      {
        actorId: supervisorId,
        target: `paper_batch:${batchId}`,
        // Which field was settled how — never the answers themselves.
        details: {
          sheetNo,
          choices: Object.fromEntries(Object.entries(input.choices).map(([field, choice]) => [field, choice.from])),
        },
      },
      tx
    )
    return true
  })
  if (!resolved) return { error: { key: 'reconcile.errors.notDisputed' } }
  return { count: status === 'agreed' ? await countSheet(batchId, sheetNo) : null }
}
