import { prisma } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import { attributeUnit, successorsAsOf } from './attribution'
import { type Counts, UNIT_PATH_SEPARATOR, readCounts } from './counts.server'
import { clearFigureCache } from './figure-cache.server'
import {
  type AggregationSettings,
  type NationalResult,
  type UnitFigureRow,
  computeFigures,
  lineageEdges,
  nationalFromProvinces,
  resolveSettings,
} from './figures.server'
import type { DateRange } from './period'
import type { UnitLevel } from './reference'
import { INDEX_ANSWER_PAIRS, PAIR_SUMS, foldPendingRollups } from './rollup-fold.server'

/*
 * The proof and the maintenance side of the rollups (ADR 005): rebuild them from raw rows,
 * list where they disagree with raw rows, and recompute every figure of a period at once.
 */

/** A rebuild locks out submissions while it reads every raw answer. */
const REBUILD_TIMEOUT_MS = 60 * 60 * 1000
/** Grouping every raw answer hashes in memory instead of sorting text keys on disk. */
const REBUILD_WORK_MEM = Prisma.raw(`SET LOCAL work_mem = '512MB'`)

/** The rollups as the raw rows say they should be (the same grouping as the fold). */
/** Responses still queued for the fold are not in the rollups yet (rollup-fold.server.ts). */
const NOT_QUEUED = Prisma.sql`NOT EXISTS (SELECT 1 FROM "PendingRollup" q WHERE q."responseId" = r.id)`

const FRESH_ANSWER_ROLLUP = Prisma.sql`
  SELECT date_trunc('month', r."submittedOn")::date AS month, r."servicePointId", r."agencyId", r."provinceId",
    a."itemId", a.value, r.flags, count(*)::int AS n, sum(r.weight) AS "sumW", sum(r.weight * r.weight) AS "sumW2"
  FROM "Response" r CROSS JOIN LATERAL unnest(r."answerItemIds", r."answerValues") AS a("itemId", value)
  WHERE ${NOT_QUEUED}
  GROUP BY 1, 2, 3, 4, 5, 6, 7`

const FRESH_RESPONSE_ROLLUP = Prisma.sql`
  SELECT date_trunc('month', r."submittedOn")::date AS month, r."servicePointId", r."agencyId", r."provinceId",
    r."versionId", r.channel, r.flags, count(*)::int AS n, sum(r.weight) AS "sumW", sum(r.weight * r.weight) AS "sumW2"
  FROM "Response" r
  WHERE ${NOT_QUEUED}
  GROUP BY 1, 2, 3, 4, 5, 6, 7`

const FRESH_PAIR_ROLLUP = Prisma.sql`
  SELECT date_trunc('month', r."submittedOn")::date AS month, r."servicePointId", r."agencyId", r."provinceId",
    p."itemA", p."itemB", r.flags, ${PAIR_SUMS}
  FROM "Response" r CROSS JOIN LATERAL ${INDEX_ANSWER_PAIRS} p
  WHERE ${NOT_QUEUED}
  GROUP BY 1, 2, 3, 4, 5, 6, 7`

const ANSWER_KEY = Prisma.sql`(month, "servicePointId", "itemId", value, flags, "agencyId", "provinceId")`
const RESPONSE_KEY = Prisma.sql`(month, "servicePointId", "versionId", channel, flags, "agencyId", "provinceId")`
const PAIR_KEY = Prisma.sql`(month, "servicePointId", "itemA", "itemB", flags, "agencyId", "provinceId")`

/**
 * A rollup cell disagrees when its count differs, or its weight sums differ beyond float
 * rounding (sums added in another order). Joined USING the key, so `f` is the fresh cell and
 * `o` the stored one; either may be missing.
 */
const DIFFERS = Prisma.sql`(f.n IS DISTINCT FROM o.n
  OR abs(f."sumW" - o."sumW") > 1e-9 * greatest(1, abs(f."sumW"))
  OR abs(f."sumW2" - o."sumW2") > 1e-9 * greatest(1, abs(f."sumW2")))`

/** The same for a pair cell: any of its four counts or four sums. */
const PAIR_DIFFERS = Prisma.sql`(f.n IS DISTINCT FROM o.n OR f."nA" IS DISTINCT FROM o."nA"
  OR f."nB" IS DISTINCT FROM o."nB" OR f."nAB" IS DISTINCT FROM o."nAB"
  OR abs(f."sumW2" - o."sumW2") > 1e-9 * greatest(1, abs(f."sumW2"))
  OR abs(f."sumW2A" - o."sumW2A") > 1e-9 * greatest(1, abs(f."sumW2A"))
  OR abs(f."sumW2B" - o."sumW2B") > 1e-9 * greatest(1, abs(f."sumW2B"))
  OR abs(f."sumW2AB" - o."sumW2AB") > 1e-9 * greatest(1, abs(f."sumW2AB")))`

export type RollupDifference = {
  table: 'AnswerRollup' | 'ResponseRollup' | 'AnswerPairRollup'
  month: string
  servicePointId: string
  agencyId: string
  provinceId: string
  /** ResponseRollup cells only (AnswerRollup has neither: the item implies the version). */
  versionId: string | null
  channel: string | null
  /** AnswerRollup: the item; AnswerPairRollup: item A of the pair. */
  itemId: number | null
  value: number | null
  /** AnswerPairRollup cells only: item B of the pair. */
  itemB: number | null
  flags: number
  /** What raw rows give (null: no raw rows for this cell). */
  raw: CellSums | null
  /** What the rollup holds (null: no rollup cell). */
  rollup: CellSums | null
}

/**
 * A cell's count and sums: Σw and Σw², or for a pair cell its four counts (n, nA, nB, nAB), Σw² and
 * the pair's three Σw²·… sums.
 */
export type CellSums =
  | { n: number; sumW: number; sumW2: number }
  | { n: number; nA: number; nB: number; nAB: number; sumW2: number; sumW2A: number; sumW2B: number; sumW2AB: number }

export type RollupCheck = { ok: boolean; differences: number; examples: RollupDifference[] }

/** How many differing cells `verifyRollups` lists; the count covers them all. */
export const MAX_LISTED_DIFFERENCES = 100

/** Compares the rollup tables with what the raw rows give, cell by cell. */
export async function verifyRollups(): Promise<RollupCheck> {
  await foldPendingRollups()
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw(REBUILD_WORK_MEM)
      const rows = await tx.$queryRaw<Record<string, unknown>[]>`
        WITH answers AS (${FRESH_ANSWER_ROLLUP}), responses AS (${FRESH_RESPONSE_ROLLUP}), pairs AS (${FRESH_PAIR_ROLLUP}),
        diff AS (
          SELECT 'AnswerRollup' AS "table", month, "servicePointId", "agencyId", "provinceId",
            NULL AS "versionId", "itemId", value, NULL::int AS "itemB", NULL AS channel, flags,
            f.n AS "rawN", NULL::int AS "rawNA", NULL::int AS "rawNB", NULL::int AS "rawNAB", f."sumW" AS "rawSumW", f."sumW2" AS "rawSumW2", NULL::float8 AS "rawSumW2A",
            NULL::float8 AS "rawSumW2B", NULL::float8 AS "rawSumW2AB",
            o.n AS "rollupN", NULL::int AS "rollupNA", NULL::int AS "rollupNB", NULL::int AS "rollupNAB",
            o."sumW" AS "rollupSumW", o."sumW2" AS "rollupSumW2", NULL::float8 AS "rollupSumW2A",
            NULL::float8 AS "rollupSumW2B", NULL::float8 AS "rollupSumW2AB"
          FROM answers f FULL JOIN "AnswerRollup" o USING ${ANSWER_KEY}
          WHERE ${DIFFERS}
          UNION ALL
          SELECT 'ResponseRollup', month, "servicePointId", "agencyId", "provinceId", "versionId", NULL, NULL, NULL,
            channel::text, flags, f.n, NULL, NULL, NULL, f."sumW", f."sumW2", NULL, NULL, NULL, o.n, NULL, NULL, NULL,
            o."sumW", o."sumW2", NULL, NULL, NULL
          FROM responses f FULL JOIN "ResponseRollup" o USING ${RESPONSE_KEY}
          WHERE ${DIFFERS}
          UNION ALL
          SELECT 'AnswerPairRollup', month, "servicePointId", "agencyId", "provinceId", NULL, "itemA", NULL, "itemB",
            NULL, flags, f.n, f."nA", f."nB", f."nAB", NULL, f."sumW2", f."sumW2A", f."sumW2B", f."sumW2AB", o.n, o."nA",
            o."nB", o."nAB", NULL, o."sumW2", o."sumW2A", o."sumW2B", o."sumW2AB"
          FROM pairs f FULL JOIN "AnswerPairRollup" o USING ${PAIR_KEY}
          WHERE ${PAIR_DIFFERS}
        )
        SELECT "table", to_char(month, 'YYYY-MM-DD') AS month, "servicePointId", "agencyId", "provinceId", "versionId",
          "itemId", value, "itemB", channel, flags, "rawN", "rawNA", "rawNB", "rawNAB", "rawSumW", "rawSumW2",
          "rawSumW2A", "rawSumW2B", "rawSumW2AB", "rollupN", "rollupNA", "rollupNB", "rollupNAB", "rollupSumW", "rollupSumW2", "rollupSumW2A", "rollupSumW2B", "rollupSumW2AB",
          count(*) OVER ()::int AS total
        FROM diff ORDER BY "table", month, "servicePointId" LIMIT ${MAX_LISTED_DIFFERENCES}`
      const differences = Number(rows[0]?.total ?? 0)
      return { ok: differences === 0, differences, examples: rows.map(toDifference) }
    },
    { isolationLevel: 'RepeatableRead', timeout: REBUILD_TIMEOUT_MS, maxWait: REBUILD_TIMEOUT_MS }
  )
}

/**
 * Recomputes the rollup tables from raw rows in one transaction and records the rebuild with
 * the number of cells that were wrong. Submissions wait meanwhile (SHARE lock on the raw
 * tables), so none can commit between the read and the replacement and be lost; dashboards keep
 * reading the old rollups until the commit.
 */
export async function rebuildRollups(): Promise<{ differences: number }> {
  const result = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "Response" IN SHARE MODE`
      // Queued responses are not wrong cells: fold them first, so the count below is of errors only.
      await foldPendingRollups(tx)
      await tx.$executeRaw(REBUILD_WORK_MEM)
      await tx.$executeRaw`CREATE TEMP TABLE fresh_answer_rollup ON COMMIT DROP AS ${FRESH_ANSWER_ROLLUP}`
      await tx.$executeRaw`CREATE TEMP TABLE fresh_response_rollup ON COMMIT DROP AS ${FRESH_RESPONSE_ROLLUP}`
      await tx.$executeRaw`CREATE TEMP TABLE fresh_pair_rollup ON COMMIT DROP AS ${FRESH_PAIR_ROLLUP}`
      const [counted] = await tx.$queryRaw<{ differences: number }[]>`
        SELECT ((SELECT count(*) FROM fresh_answer_rollup f FULL JOIN "AnswerRollup" o USING ${ANSWER_KEY} WHERE ${DIFFERS})
          + (SELECT count(*) FROM fresh_response_rollup f FULL JOIN "ResponseRollup" o USING ${RESPONSE_KEY} WHERE ${DIFFERS})
          + (SELECT count(*) FROM fresh_pair_rollup f FULL JOIN "AnswerPairRollup" o USING ${PAIR_KEY} WHERE ${PAIR_DIFFERS}))::int
          AS differences`
      const differences = counted!.differences
      await tx.$executeRaw`DELETE FROM "AnswerRollup"`
      await tx.$executeRaw`DELETE FROM "ResponseRollup"`
      await tx.$executeRaw`DELETE FROM "AnswerPairRollup"`
      await tx.$executeRaw`
        INSERT INTO "AnswerRollup" (month, "servicePointId", "agencyId", "provinceId", "itemId", value, flags, n,
          "sumW", "sumW2")
        SELECT month, "servicePointId", "agencyId", "provinceId", "itemId", value, flags, n, "sumW", "sumW2"
        FROM fresh_answer_rollup
        -- in key order, so the primary key index grows at its end instead of at random pages
        ORDER BY month, "servicePointId", "itemId", value, flags, "agencyId", "provinceId"`
      await tx.$executeRaw`
        INSERT INTO "ResponseRollup" (month, "servicePointId", "agencyId", "provinceId", "versionId", channel, flags,
          n, "sumW", "sumW2")
        SELECT month, "servicePointId", "agencyId", "provinceId", "versionId", channel, flags, n, "sumW", "sumW2"
        FROM fresh_response_rollup
        ORDER BY month, "servicePointId", "versionId", channel, flags, "agencyId", "provinceId"`
      await tx.$executeRaw`
        INSERT INTO "AnswerPairRollup" (month, "servicePointId", "agencyId", "provinceId", "itemA", "itemB", flags, n,
          "nA", "nB", "nAB", "sumW2", "sumW2A", "sumW2B", "sumW2AB")
        SELECT month, "servicePointId", "agencyId", "provinceId", "itemA", "itemB", flags, n, "nA", "nB", "nAB", "sumW2",
          "sumW2A", "sumW2B", "sumW2AB"
        FROM fresh_pair_rollup
        ORDER BY month, "servicePointId", "itemA", "itemB", flags, "agencyId", "provinceId"`
      await tx.rollupRebuild.create({ data: { differences }, select: { id: true } })
      // Fresh statistics, or the planner sorts a year of rollups on disk where it should hash.
      await tx.$executeRaw`ANALYZE "AnswerRollup", "ResponseRollup", "AnswerPairRollup"`
      return { differences }
    },
    { timeout: REBUILD_TIMEOUT_MS, maxWait: REBUILD_TIMEOUT_MS }
  )
  clearFigureCache()
  return result
}

export type FullRecompute = Record<UnitLevel, UnitFigureRow[]> & { national: NationalResult }

/**
 * Every unit's figures at every level, and the national figure, for a period: one read of the
 * rollups at the finest unit grain, summed up in memory. Never cached; this is what the
 * benchmark weighs against a naive group-by over raw answers. Provinces are attributed as of the
 * period's last day, as in unitFigures.
 */
export async function recomputeAll(period: DateRange, settings?: Partial<AggregationSettings>): Promise<FullRecompute> {
  const resolved = await resolveSettings(settings)
  const successors = successorsAsOf(await lineageEdges(), period.to)
  const counts = await readCounts('unitPath', {
    range: period,
    excludeFlagsMask: resolved.excludeFlagsMask,
    responses: resolved.responses,
  })
  const [servicePoint, agency, province] = await Promise.all([
    computeFigures(atLevel(counts, 0), resolved),
    computeFigures(atLevel(counts, 1), resolved),
    computeFigures(
      atLevel(counts, 2, (id) => attributeUnit(successors, id)),
      resolved
    ),
  ])
  return { servicePoint, agency, province, national: nationalFromProvinces(province) }
}

/** Unit-path counts keyed by one level of the path (0 service point, 1 agency, 2 province). */
function atLevel(counts: Counts, part: number, rename: (id: string) => string = (id) => id): Counts {
  // A year has a few hundred distinct paths and ~100,000 rows: split each path once.
  const ids = new Map<string, string>()
  const idOf = (path: string) => {
    let id = ids.get(path)
    if (id === undefined) ids.set(path, (id = rename(path.split(UNIT_PATH_SEPARATOR)[part]!)))
    return id
  }
  return {
    answers: counts.answers.map((row) => ({ ...row, unitId: idOf(row.unitId) })),
    respondents: counts.respondents.map((row) => ({ ...row, unitId: idOf(row.unitId) })),
    pairs: counts.pairs.map((row) => ({ ...row, unitId: idOf(row.unitId) })),
  }
}

/**
 * Rebuilds the rollups when stored answers to index items have no pair cells at all: a database
 * whose responses were stored before AnswerPairRollup existed (its migration adds the table empty).
 * Cheap when there is nothing to do (two EXISTS probes); run after migrating (scripts/migrate.ts).
 */
export async function rebuildMissingPairRollups(): Promise<{ rebuilt: boolean }> {
  const [probe] = await prisma.$queryRaw<{ missing: boolean }[]>`
    SELECT NOT EXISTS (SELECT 1 FROM "AnswerPairRollup")
      AND EXISTS (SELECT 1 FROM "AnswerRollup" ar JOIN "Item" i ON i.id = ar."itemId" WHERE i."inIndex" AND ar.value >= 1)
      AS missing`
  if (!probe?.missing) return { rebuilt: false }
  await rebuildRollups()
  return { rebuilt: true }
}

function toDifference(row: Record<string, unknown>): RollupDifference {
  const pair = row.table === 'AnswerPairRollup'
  const sums = (prefix: 'raw' | 'rollup'): CellSums | null => {
    if (row[`${prefix}N`] === null) return null
    const n = Number(row[`${prefix}N`])
    const sumW2 = Number(row[`${prefix}SumW2`])
    if (!pair) return { n, sumW: Number(row[`${prefix}SumW`]), sumW2 }
    return {
      n,
      nA: Number(row[`${prefix}NA`]),
      nB: Number(row[`${prefix}NB`]),
      nAB: Number(row[`${prefix}NAB`]),
      sumW2,
      sumW2A: Number(row[`${prefix}SumW2A`]),
      sumW2B: Number(row[`${prefix}SumW2B`]),
      sumW2AB: Number(row[`${prefix}SumW2AB`]),
    }
  }
  return {
    table: row.table as RollupDifference['table'],
    month: String(row.month),
    servicePointId: String(row.servicePointId),
    agencyId: String(row.agencyId),
    provinceId: String(row.provinceId),
    versionId: (row.versionId as string | null) ?? null,
    itemId: (row.itemId as number | null) ?? null,
    value: (row.value as number | null) ?? null,
    itemB: (row.itemB as number | null) ?? null,
    channel: (row.channel as string | null) ?? null,
    flags: Number(row.flags),
    raw: sums('raw'),
    rollup: sums('rollup'),
  }
}
