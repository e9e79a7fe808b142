import { reader } from '~/db/replica.server'
import { Prisma, type PrismaClient } from '~/generated/prisma/client'
import type { Channel } from '~/generated/prisma/enums'
import { RESPONSE_MARKS } from '~/quality/flags'
import { readFigures } from './figure-reads.server'
import { type DateRange, splitPeriod } from './period'
import type { ResponseBasis } from './response-basis'
import { INDEX_ANSWER_PAIRS, PAIR_SUMS } from './rollup-fold.server'
import type { ItemCountRow, PairCountRow, RespondentRow } from './series'

/*
 * The only place figures read counts from the database. Whole months come from the rollups
 * (AnswerRollup, ResponseRollup, AnswerPairRollup); the days of a month a custom range covers only in part come
 * from the raw rows, grouped the same way (ADR 005). AnswerRollup has no channel, so answer
 * counts for one channel come from raw rows (respondent counts still from ResponseRollup).
 * Callers sum rows with the same key, so the sources never need merging here.
 */

/**
 * What the counts are grouped by: a unit level, the month (trends of one unit), or the unit
 * path 'servicePoint␟agency␟province' (UNIT_PATH_SEPARATOR) that the full recompute sums up to
 * every level from one read.
 */
export type CountKey = 'servicePoint' | 'agency' | 'province' | 'month' | 'unitPath'

/** Separates the ids of a 'unitPath' key (ASCII unit separator, never in an id). */
export const UNIT_PATH_SEPARATOR = '\u001f'

export type CountFilter = {
  range: DateRange
  /** A response is left out when any of these flag bits is set. */
  excludeFlagsMask: number
  /** 'verified': only responses with the RESPONSE_MARKS.VERIFIED bit (default 'all'). */
  responses?: ResponseBasis
  channel?: Channel
  /** Stored ids (as submitted); each list given narrows the rows to those ids. */
  servicePointIds?: readonly string[]
  agencyIds?: readonly string[]
  provinceIds?: readonly string[]
}

/** The key's expression and GROUP BY list, over the rollups or over raw rows (alias `r`). */
function keySql(key: CountKey, raw: boolean): { select: Prisma.Sql; group: Prisma.Sql } {
  const r = raw ? RAW : Prisma.empty
  switch (key) {
    case 'servicePoint':
      return same(Prisma.sql`${r}"servicePointId"`)
    case 'agency':
      return same(Prisma.sql`${r}"agencyId"`)
    case 'province':
      return same(Prisma.sql`${r}"provinceId"`)
    case 'month': {
      const month = raw ? Prisma.sql`date_trunc('month', r."submittedOn")` : Prisma.sql`month`
      return { select: Prisma.sql`to_char(${month}, 'YYYY-MM')`, group: month }
    }
    case 'unitPath':
      return {
        select: Prisma.sql`concat_ws(chr(31), ${r}"servicePointId", ${r}"agencyId", ${r}"provinceId")`,
        group: Prisma.sql`${r}"servicePointId", ${r}"agencyId", ${r}"provinceId"`,
      }
  }
}

function same(column: Prisma.Sql) {
  return { select: column, group: column }
}

const RAW = Prisma.sql`r.`

export type Counts = { answers: ItemCountRow[]; respondents: RespondentRow[]; pairs: PairCountRow[] }

/** A read can scan a year of rollups, or raw days of a custom range. */
const COUNTS_TIMEOUT_MS = 120_000
/**
 * Memory for grouping a read: with PostgreSQL's default 4 MB a year of rollups is grouped by
 * sorting on disk (text keys compared by collation), several times slower than hashing in memory.
 */
const COUNTS_WORK_MEM = Prisma.raw(`SET LOCAL work_mem = '64MB'`)

/**
 * Answer and respondent counts read from one snapshot, so a submission committing in between
 * can't leave answers counted without their respondent.
 */
export async function readCounts(key: CountKey, filter: CountFilter): Promise<Counts> {
  return readFigures(() =>
    reader().$transaction(
      async (tx) => {
        await tx.$executeRaw(COUNTS_WORK_MEM)
        return {
          answers: await answerCounts(tx, key, filter),
          respondents: await respondentCounts(tx, key, filter),
          pairs: await pairCounts(tx, key, filter),
        }
      },
      { isolationLevel: 'RepeatableRead', timeout: COUNTS_TIMEOUT_MS, maxWait: COUNTS_TIMEOUT_MS }
    )
  )
}

type Reader = Pick<PrismaClient, '$queryRaw'>

/** Kept answers per key × item × value, with their weight sums. */
async function answerCounts(db: Reader, key: CountKey, filter: CountFilter): Promise<ItemCountRow[]> {
  const { months, days } = filter.channel ? { months: null, days: [filter.range] } : splitPeriod(filter.range)
  const [rollupKey, rawKey] = [keySql(key, false), keySql(key, true)]
  const parts: ItemCountRow[][] = []
  if (months) {
    parts.push(
      await db.$queryRaw<ItemCountRow[]>`
      SELECT ${rollupKey.select} AS "unitId", "itemId", value, sum(n)::float8 AS n,
        sum("sumW") AS "sumW", sum("sumW2") AS "sumW2"
      FROM "AnswerRollup"
      WHERE month BETWEEN ${months.from}::date AND ${months.to}::date AND ${kept(filter, Prisma.empty)}
        ${unitConditions({ ...filter, channel: undefined }, Prisma.empty)}
      GROUP BY ${rollupKey.group}, "itemId", value`
    )
  }
  for (const range of days) {
    parts.push(
      await db.$queryRaw<ItemCountRow[]>`
      SELECT ${rawKey.select} AS "unitId", a."itemId", a.value, count(*)::float8 AS n,
        sum(r.weight) AS "sumW", sum(r.weight * r.weight) AS "sumW2"
      FROM "Response" r CROSS JOIN LATERAL unnest(r."answerItemIds", r."answerValues") AS a("itemId", value)
      WHERE r."submittedOn" BETWEEN ${range.from}::date AND ${range.to}::date
        AND ${kept(filter, RAW)}
        ${unitConditions(filter, RAW)}
      GROUP BY ${rawKey.group}, a."itemId", a.value`
    )
  }
  return parts.flat()
}

/**
 * Kept respondents' pair counts and sums per key × pair of index items (AnswerPairRollup), the
 * same way as the answer counts: whole months from the rollup, partial months and one channel from raw rows.
 */
async function pairCounts(db: Reader, key: CountKey, filter: CountFilter): Promise<PairCountRow[]> {
  const { months, days } = filter.channel ? { months: null, days: [filter.range] } : splitPeriod(filter.range)
  const [rollupKey, rawKey] = [keySql(key, false), keySql(key, true)]
  const parts: PairCountRow[][] = []
  if (months) {
    parts.push(
      await db.$queryRaw<PairCountRow[]>`
      SELECT ${rollupKey.select} AS "unitId", "itemA", "itemB", sum(n)::float8 AS n, sum("nA")::float8 AS "nA",
        sum("nB")::float8 AS "nB", sum("nAB")::float8 AS "nAB", sum("sumW2") AS "sumW2", sum("sumW2A") AS "sumW2A",
        sum("sumW2B") AS "sumW2B", sum("sumW2AB") AS "sumW2AB"
      FROM "AnswerPairRollup"
      WHERE month BETWEEN ${months.from}::date AND ${months.to}::date AND ${kept(filter, Prisma.empty)}
        ${unitConditions({ ...filter, channel: undefined }, Prisma.empty)}
      GROUP BY ${rollupKey.group}, "itemA", "itemB"`
    )
  }
  for (const range of days) {
    parts.push(
      await db.$queryRaw<PairCountRow[]>`
      SELECT ${rawKey.select} AS "unitId", p."itemA", p."itemB", ${PAIR_SUMS}
      FROM "Response" r CROSS JOIN LATERAL ${INDEX_ANSWER_PAIRS} p
      WHERE r."submittedOn" BETWEEN ${range.from}::date AND ${range.to}::date
        AND ${kept(filter, RAW)}
        ${unitConditions(filter, RAW)}
      GROUP BY ${rawKey.group}, p."itemA", p."itemB"`
    )
  }
  return parts.flat()
}

/** Respondents per key × version, kept and excluded apart, verified and not apart. */
async function respondentCounts(db: Reader, key: CountKey, filter: CountFilter): Promise<RespondentRow[]> {
  const { months, days } = splitPeriod(filter.range)
  const [rollupKey, rawKey] = [keySql(key, false), keySql(key, true)]
  const parts: RespondentRow[][] = []
  if (months) {
    parts.push(
      await db.$queryRaw<RespondentRow[]>`
      SELECT ${rollupKey.select} AS "unitId", "versionId", (flags & ${filter.excludeFlagsMask}::int) <> 0 AS excluded,
        ${VERIFIED_BIT(Prisma.empty)} AS verified, sum(n)::float8 AS n, sum("sumW") AS "sumW", sum("sumW2") AS "sumW2"
      FROM "ResponseRollup"
      WHERE month BETWEEN ${months.from}::date AND ${months.to}::date ${onBasis(filter, Prisma.empty)}
        ${unitConditions(filter, Prisma.empty)}
      GROUP BY ${rollupKey.group}, "versionId", 3, 4`
    )
  }
  for (const range of days) {
    parts.push(
      await db.$queryRaw<RespondentRow[]>`
      SELECT ${rawKey.select} AS "unitId", r."versionId", (r.flags & ${filter.excludeFlagsMask}::int) <> 0 AS excluded,
        ${VERIFIED_BIT(RAW)} AS verified, count(*)::float8 AS n, sum(r.weight) AS "sumW", sum(r.weight * r.weight) AS "sumW2"
      FROM "Response" r
      WHERE r."submittedOn" BETWEEN ${range.from}::date AND ${range.to}::date ${onBasis(filter, RAW)}
        ${unitConditions(filter, RAW)}
      GROUP BY ${rawKey.group}, r."versionId", 3, 4`
    )
  }
  return parts.flat()
}

/**
 * Rows of responses the flags rule keeps. NOTE: written as `flags = 0 OR …` (the same rows) so
 * the planner can estimate it from the statistics of `flags`: for `(flags & mask) = 0` alone it
 * guesses 0.5 % of the rows and groups a year of rollups by sorting instead of hashing (2–3×
 * slower).
 */
function kept(filter: CountFilter, alias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${alias}flags = 0 OR (${alias}flags & ${filter.excludeFlagsMask}::int) = 0) ${onBasis(filter, alias)}`
}

/** Whether a row carries the verified mark (a provenance bit, never a quality flag). */
function VERIFIED_BIT(alias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${alias}flags & ${RESPONSE_MARKS.VERIFIED}::int) <> 0`
}

/** Verified-only figures keep the rows with the verified bit (response-basis.ts). */
function onBasis(filter: CountFilter, alias: Prisma.Sql): Prisma.Sql {
  return filter.responses === 'verified' ? Prisma.sql`AND ${VERIFIED_BIT(alias)}` : Prisma.empty
}

function unitConditions(filter: CountFilter, alias: Prisma.Sql): Prisma.Sql {
  const conditions: Prisma.Sql[] = []
  if (filter.channel) conditions.push(Prisma.sql`AND ${alias}channel = ${filter.channel}::"Channel"`)
  if (filter.servicePointIds) {
    conditions.push(Prisma.sql`AND ${alias}"servicePointId" = ANY(${[...filter.servicePointIds]}::text[])`)
  }
  if (filter.agencyIds) conditions.push(Prisma.sql`AND ${alias}"agencyId" = ANY(${[...filter.agencyIds]}::text[])`)
  if (filter.provinceIds)
    conditions.push(Prisma.sql`AND ${alias}"provinceId" = ANY(${[...filter.provinceIds]}::text[])`)
  return conditions.length ? Prisma.join(conditions, ' ') : Prisma.empty
}
