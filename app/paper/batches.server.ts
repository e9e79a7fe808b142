import { randomUUID } from 'node:crypto'
import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { isStorableText } from '~/db/storable-text'
import type { Prisma } from '~/generated/prisma/client'
import { isoDate } from '~/i18n/format'
import { usesShortForm } from '~/questionnaire/asked-form'
import { getActiveCampaign } from '~/questionnaire/campaigns.server'
import { getPublishedVersion } from '~/questionnaire/versions.server'
import type { BatchInput } from './batch-form'
import { vietnamDay } from '~/responses/vietnam-time'
import { dateOf } from './dates'
import { batchTotals, type BatchTotals } from './sheet-status'

/*
 * A batch is a bundle of paper sheets from one service point and period, keyed by clerks.
 * The questionnaire it is keyed against is that of the campaign the service point answered
 * in the period; a batch may not straddle two campaigns.
 */

export type BatchError = { field: 'servicePointId' | 'fromDate' | 'toDate'; key: string }

/** Opens a batch; the caller has checked the user may key for the service point. */
export async function openBatch(
  input: BatchInput & { createdById: string },
  now = new Date(),
): Promise<{ batchId: string } | { error: BatchError }> {
  if (input.toDate > vietnamDay(now)) return { error: { field: 'toDate', key: 'batches.errors.future' } }
  const [atStart, atEnd] = await Promise.all([
    getActiveCampaign({ servicePointId: input.servicePointId }, dateOf(input.fromDate)),
    getActiveCampaign({ servicePointId: input.servicePointId }, dateOf(input.toDate)),
  ])
  if (!atStart) return { error: { field: 'fromDate', key: 'batches.errors.noCampaign' } }
  if (atStart.id !== atEnd?.id) return { error: { field: 'toDate', key: 'batches.errors.twoCampaigns' } }

  const batchId = randomUUID()
  await prisma.$transaction(async (tx) => {
    await tx.paperBatch.create({
      data: {
        id: batchId,
        servicePointId: input.servicePointId,
        fromDate: dateOf(input.fromDate),
        toDate: dateOf(input.toDate),
        sheetCount: input.sheetCount,
        doubleEntry: input.doubleEntry,
        createdById: input.createdById,
      },
      select: { id: true },
    })
    await recordAudit(
      'paper.batch_opened',
      {
        actorId: input.createdById,
        target: `paper_batch:${batchId}`,
        details: { servicePointId: input.servicePointId, sheetCount: input.sheetCount, doubleEntry: input.doubleEntry },
      },
      tx,
    )
  })
  return { batchId }
}

const batchSelect = {
  id: true,
  servicePointId: true,
  fromDate: true,
  toDate: true,
  sheetCount: true,
  doubleEntry: true,
  createdById: true,
  createdAt: true,
  servicePoint: { select: { code: true, name: true, nameEn: true } },
} satisfies Prisma.PaperBatchSelect

export type Batch = Omit<Prisma.PaperBatchGetPayload<{ select: typeof batchSelect }>, 'fromDate' | 'toDate'> & {
  fromDate: string
  toDate: string
}

function toBatch(row: Prisma.PaperBatchGetPayload<{ select: typeof batchSelect }>): Batch {
  return { ...row, fromDate: isoDate(row.fromDate), toDate: isoDate(row.toDate) }
}

export async function getBatch(batchId: string): Promise<Batch | null> {
  // The id comes from the URL: one with a NUL would make the query fail (a 500), not miss.
  if (!isStorableText(batchId)) return null
  const row = await prisma.paperBatch.findUnique({ where: { id: batchId }, select: batchSelect })
  return row ? toBatch(row) : null
}

/** The published version a batch is keyed against; null when its campaign has gone. */
export async function getBatchVersion(batch: Pick<Batch, 'servicePointId' | 'fromDate'>) {
  const campaign = await getActiveCampaign({ servicePointId: batch.servicePointId }, dateOf(batch.fromDate))
  const version = campaign ? await getPublishedVersion(campaign.version.id) : null
  if (!campaign || !version) return null
  // Whether the campaign's paper sheets are short forms: only then does the clerk key a block.
  return { ...version, paperShortForm: usesShortForm(version.definition, campaign.shortFormChannels, 'paper') }
}

/** Rows per pass and status, the input of `batchTotals`. */
async function countSheets(batchIds: string[]) {
  const groups = await prisma.paperSheet.groupBy({
    by: ['batchId', 'pass', 'status'],
    where: { batchId: { in: batchIds } },
    _count: { _all: true },
  })
  return groups.map((group) => ({ batchId: group.batchId, pass: group.pass, status: group.status, count: group._count._all }))
}

export async function getBatchTotals(batchId: string): Promise<BatchTotals> {
  return batchTotals(await countSheets([batchId]))
}

/** Batches matching `where` (a scope from app/paper/scope.ts), newest first, with their totals. */
export async function listBatches(where: Prisma.PaperBatchWhereInput, take = 200) {
  const rows = await prisma.paperBatch.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take, select: batchSelect })
  const groups = await countSheets(rows.map((row) => row.id))
  return rows.map((row) => ({ ...toBatch(row), totals: batchTotals(groups.filter((group) => group.batchId === row.id)) }))
}

/** The service points a user may open a batch for, by code. */
export function listPaperServicePoints(where: Prisma.ServicePointWhereInput) {
  return prisma.servicePoint.findMany({
    where: { AND: [where, { active: true }] },
    orderBy: { code: 'asc' },
    take: 500,
    select: { id: true, code: true, name: true, nameEn: true },
  })
}
