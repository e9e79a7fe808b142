import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { reader } from '~/db/replica.server'
import { parseExternalScores } from './external-import'
import type { ImportProblem } from './external-import-format'
import { type ExternalIndex, isExternalIndex } from './indices'
import type { ScoredPeerGroup, StoredScore } from './published-ranks'

export type ImportResult = { imported: number; problems: [] } | { imported: 0; problems: ImportProblem[] }

/**
 * Imports a CSV of other indices' scores, all or nothing: any bad row and nothing is written;
 * otherwise every row is written (replacing a score imported earlier for the same unit, year and
 * index) together with the audit event, in one transaction.
 */
export async function importExternalScores(text: string, actorId: string, now = new Date()): Promise<ImportResult> {
  const [peerGroupOf, stored] = await Promise.all([unitPeerGroups(), storedScores()])
  const { rows, problems } = parseExternalScores(text, { peerGroupOf, stored, maxYear: now.getUTCFullYear() })
  if (problems.length > 0) return { imported: 0, problems }
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "ExternalScore" ("unitCode", year, index, score, rank, "importedAt")
      SELECT code, year, index, score, rank, ${now} FROM unnest(
        ${rows.map((row) => row.unitCode)}::text[], ${rows.map((row) => row.year)}::int[],
        ${rows.map((row) => row.index)}::text[], ${rows.map((row) => row.score)}::float8[],
        ${rows.map((row) => row.rank)}::int[]
      ) AS t(code, year, index, score, rank)
      ON CONFLICT (index, year, "unitCode")
      DO UPDATE SET score = EXCLUDED.score, rank = EXCLUDED.rank, "importedAt" = EXCLUDED."importedAt"`
    await recordAudit(
      'external_scores.imported',
      {
        actorId,
        target: 'external-scores',
        details: {
          rows: rows.length,
          ranked: rows.filter((row) => row.rank !== null).length,
          indices: [...new Set(rows.map((row) => row.index))],
          years: [...new Set(rows.map((row) => row.year))],
        },
      },
      tx,
    )
  })
  return { imported: rows.length, problems: [] }
}

/**
 * The peer group of the unit a code names in a given year: a province in force on 31 December
 * of that year (so 2024 means the 63, 2025 the 34), or a ministry.
 */
async function unitPeerGroups(): Promise<(code: string, year: number) => ScoredPeerGroup | null> {
  const [provinces, ministries] = await Promise.all([
    prisma.adminUnit.findMany({ select: { code: true, validFrom: true, validTo: true } }),
    prisma.agency.findMany({ where: { kind: 'ministry' }, select: { code: true } }),
  ])
  const ministryCodes = new Set(ministries.map((ministry) => ministry.code))
  return (code, year) => {
    if (ministryCodes.has(code)) return 'ministries'
    const yearEnd = new Date(Date.UTC(year, 11, 31))
    const province = provinces.some(
      (unit) => unit.code === code && (!unit.validFrom || unit.validFrom <= yearEnd) && (!unit.validTo || unit.validTo >= yearEnd),
    )
    return province ? 'provinces' : null
  }
}

/** Every stored score: a few hundred a year, which the ranks of a new file must agree with. */
async function storedScores(): Promise<StoredScore[]> {
  const rows = await prisma.externalScore.findMany({ select: { unitCode: true, year: true, index: true, score: true, rank: true } })
  return rows.flatMap((row) => (isExternalIndex(row.index) ? [{ ...row, index: row.index }] : []))
}

export type ExternalScore = { score: number; rank: number | null }

/** Imported scores of one index and year, with their published ranks, by unit code. */
export async function getExternalScores(index: ExternalIndex, year: number): Promise<Map<string, ExternalScore>> {
  const rows = await reader().externalScore.findMany({ where: { index, year }, select: { unitCode: true, score: true, rank: true } })
  return new Map(rows.map((row) => [row.unitCode, { score: row.score, rank: row.rank }]))
}

/** How many scores are stored per index and year, for the import page. */
export async function summarizeExternalScores() {
  const groups = await prisma.externalScore.groupBy({
    by: ['index', 'year'],
    _count: { _all: true },
    _max: { importedAt: true },
    orderBy: [{ year: 'desc' }, { index: 'asc' }],
  })
  return groups.map((group) => ({ index: group.index, year: group.year, count: group._count._all, importedAt: group._max.importedAt }))
}
