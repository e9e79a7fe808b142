import { randomUUID } from 'node:crypto'
import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { reader } from '~/db/replica.server'
import { Prisma } from '~/generated/prisma/client'
import type { IndexCode, PeerGroup } from './indices'
import { type PublishedRanking, type RankingTable, RankingTableSchema } from './ranking-table'

/*
 * Frozen official rankings (RankingSnapshot). A snapshot stores the ranking exactly as computed
 * when it was frozen, so later submissions, flag changes or re-imports never change it. There is
 * no update or delete: a period is frozen once.
 *
 * The snapshot key is index × peer group × period. Peer groups inside a province carry the
 * province in the key ("departments:p34-31"); the period is the calendar year.
 */

type SnapshotKey = { year: number; index: IndexCode; peerGroup: PeerGroup; provinceId: string | null }

function peerGroupKey(peerGroup: PeerGroup, provinceId: string | null): string {
  return provinceId && peerGroup !== 'provinces' && peerGroup !== 'ministries' ? `${peerGroup}:${provinceId}` : peerGroup
}

const period = (year: number) => ({ periodStart: new Date(Date.UTC(year, 0, 1)), periodEnd: new Date(Date.UTC(year, 11, 31)) })

const snapshotSelect = {
  id: true,
  rows: true,
  frozenAt: true,
  frozenById: true,
} satisfies Prisma.RankingSnapshotSelect

/** The frozen ranking of a period, or null when it is still provisional. */
export async function findSnapshot(key: SnapshotKey): Promise<PublishedRanking | null> {
  const snapshot = await reader().rankingSnapshot.findUnique({
    where: {
      index_peerGroup_periodStart_periodEnd: { index: key.index, peerGroup: peerGroupKey(key.peerGroup, key.provinceId), ...period(key.year) },
    },
    select: snapshotSelect,
  })
  if (!snapshot) return null
  const frozenBy = await reader().user.findUnique({ where: { id: snapshot.frozenById }, select: { name: true } })
  return {
    ...RankingTableSchema.parse(snapshot.rows),
    status: { kind: 'frozen', snapshotId: snapshot.id, frozenAt: snapshot.frozenAt.toISOString(), frozenBy: frozenBy?.name ?? '' },
  }
}

export type SaveResult = { frozen: true; snapshotId: string } | { frozen: false; reason: 'alreadyFrozen' | 'empty' }

/**
 * Stores a computed ranking as the period's official one, with the audit event, in one
 * transaction. A second freeze of the same period hits the unique key and is refused.
 */
export async function saveSnapshot(table: RankingTable, actorId: string): Promise<SaveResult> {
  if (table.outOf === 0) return { frozen: false, reason: 'empty' }
  const id = randomUUID()
  const peerGroup = peerGroupKey(table.peerGroup, table.provinceId)
  try {
    await prisma.$transaction(async (tx) => {
      await tx.rankingSnapshot.create({
        data: { id, index: table.index, peerGroup, ...period(table.year), rows: table as Prisma.InputJsonValue, frozenById: actorId },
        select: { id: true },
      })
      await recordAudit(
        'ranking.frozen',
        { actorId, target: `ranking:${id}`, details: { index: table.index, peerGroup, year: table.year, ranked: table.outOf } },
        tx,
      )
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { frozen: false, reason: 'alreadyFrozen' }
    }
    throw error
  }
  return { frozen: true, snapshotId: id }
}

/** Every frozen ranking, newest period first, for the administration page. */
export async function listSnapshots() {
  const snapshots = await prisma.rankingSnapshot.findMany({
    select: { id: true, index: true, peerGroup: true, periodStart: true, frozenAt: true, frozenById: true },
    orderBy: [{ periodStart: 'desc' }, { index: 'asc' }, { peerGroup: 'asc' }],
  })
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(snapshots.map((snapshot) => snapshot.frozenById))] } },
    select: { id: true, name: true },
  })
  const names = new Map(users.map((user) => [user.id, user.name]))
  return snapshots.map((snapshot) => ({
    id: snapshot.id,
    index: snapshot.index,
    peerGroup: snapshot.peerGroup,
    year: snapshot.periodStart.getUTCFullYear(),
    frozenAt: snapshot.frozenAt.toISOString(),
    frozenBy: names.get(snapshot.frozenById) ?? '',
  }))
}
