import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { parseExternalScores } from './external-import'
import type { ImportProblem } from './external-import-format'
import type { ExternalIndex } from './indices'

export type ImportResult = { imported: number; problems: [] } | { imported: 0; problems: ImportProblem[] }

/**
 * Imports a CSV of other indices' scores, all or nothing: any bad row and nothing is written;
 * otherwise every row is written (replacing a score imported earlier for the same unit, year and
 * index) together with the audit event, in one transaction.
 */
export async function importExternalScores(text: string, actorId: string, now = new Date()): Promise<ImportResult> {
  const isKnownUnit = await knownUnitCodes()
  const { rows, problems } = parseExternalScores(text, { isKnownUnit, maxYear: now.getUTCFullYear() })
  if (problems.length > 0) return { imported: 0, problems }
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "ExternalScore" ("unitCode", year, index, score, "importedAt")
      SELECT code, year, index, score, ${now} FROM unnest(
        ${rows.map((row) => row.unitCode)}::text[], ${rows.map((row) => row.year)}::int[],
        ${rows.map((row) => row.index)}::text[], ${rows.map((row) => row.score)}::float8[]
      ) AS t(code, year, index, score)
      ON CONFLICT (index, year, "unitCode") DO UPDATE SET score = EXCLUDED.score, "importedAt" = EXCLUDED."importedAt"`
    await recordAudit(
      'external_scores.imported',
      {
        actorId,
        target: 'external-scores',
        details: { rows: rows.length, indices: [...new Set(rows.map((row) => row.index))], years: [...new Set(rows.map((row) => row.year))] },
      },
      tx,
    )
  })
  return { imported: rows.length, problems: [] }
}

/**
 * Which codes name a unit in a given year: a province in force on 31 December of that year
 * (so 2024 means the 63, 2025 the 34), or a ministry.
 */
async function knownUnitCodes(): Promise<(code: string, year: number) => boolean> {
  const [provinces, ministries] = await Promise.all([
    prisma.adminUnit.findMany({ select: { code: true, validFrom: true, validTo: true } }),
    prisma.agency.findMany({ where: { kind: 'ministry' }, select: { code: true } }),
  ])
  const ministryCodes = new Set(ministries.map((ministry) => ministry.code))
  return (code, year) => {
    if (ministryCodes.has(code)) return true
    const yearEnd = new Date(Date.UTC(year, 11, 31))
    return provinces.some(
      (unit) => unit.code === code && (!unit.validFrom || unit.validFrom <= yearEnd) && (!unit.validTo || unit.validTo >= yearEnd),
    )
  }
}

/** Imported scores of one index and year, by unit code. */
export async function getExternalScores(index: ExternalIndex, year: number): Promise<Map<string, number>> {
  const rows = await prisma.externalScore.findMany({ where: { index, year }, select: { unitCode: true, score: true } })
  return new Map(rows.map((row) => [row.unitCode, row.score]))
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
