import { z } from 'zod'
import { RESPONSE_BASES } from '~/aggregation/response-basis'
import { INDICES, PEER_GROUPS } from './indices'

/*
 * A ranking as pages show it and snapshots store it. Plain JSON (no Maps, no Dates), so the
 * same shape goes from the loader to the page and into RankingSnapshot.rows; the schema checks
 * what comes back out of the database.
 */

const RowStatusSchema = z.enum(['ranked', 'insufficientSample', 'noData'])

const RankingRowSchema = z.object({
  unitId: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** As shown, rounded to 2 decimals (ranks use the unrounded score); null when withheld or missing. */
  score: z.number().nullable(),
  /** Respondents behind a survey figure; null for imported indices. */
  n: z.number().nullable(),
  /** Verified respondents among n; null for imported indices (and snapshots frozen before verification). */
  verified: z.number().nullable().default(null),
  low: z.number().nullable(),
  high: z.number().nullable(),
  /**
   * The margin of error achieved: the interval's half-width in points (before clipping to 0–100);
   * null for imported indices and snapshots frozen before it was published.
   */
  margin: z.number().nullable().default(null),
  rank: z.number().int().nullable(),
  change: z.union([z.number().int(), z.literal('reorganised')]).nullable(),
  group: z.string().nullable(),
  tiedWithAbove: z.boolean(),
  status: RowStatusSchema,
})
export type RankingRow = z.infer<typeof RankingRowSchema>

const RankingSummarySchema = z.object({
  count: z.number().int(),
  unscored: z.number().int(),
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  perGroup: z.record(z.string(), z.number().int()),
  /** Units at or above each band's cut-off and below it. */
  cutoffs: z.array(z.object({ group: z.string(), min: z.number(), atOrAbove: z.number().int(), below: z.number().int() })),
})
export type RankingSummary = z.infer<typeof RankingSummarySchema>

export const RankingTableSchema = z.object({
  year: z.number().int(),
  index: z.enum(INDICES),
  peerGroup: z.enum(PEER_GROUPS),
  provinceId: z.string().nullable(),
  /** Ranked units best first, then those with too few respondents, then those without data. */
  rows: z.array(RankingRowSchema),
  /**
   * The ranks are the publisher's own (an imported index whose file gave every unit a rank),
   * not computed here. Snapshots frozen before ranks could be imported lack the field.
   */
  publishedRanks: z.boolean().default(false),
  /** What rank changes are measured against; null when there is nothing to compare with. */
  baseline: z.enum(['previous', 'pro-forma']).nullable(),
  /** Units ranked now and in the period compared with ("11/63"). */
  outOf: z.number().int(),
  previousOutOf: z.number().int().nullable(),
  /** The peer group changed since last year (the 2025 merger): some units show 'reorganised'. */
  reorganisation: z.boolean(),
  thresholds: z.array(z.object({ group: z.string(), min: z.number() })),
  /**
   * Which responses the survey figures counted (response-basis.ts); snapshots frozen before
   * verified responses existed counted all.
   */
  responses: z.enum(RESPONSE_BASES).default('all'),
  /** The minimum n applied (survey figures only). */
  minN: z.number().int().nullable(),
  summary: RankingSummarySchema,
})
export type RankingTable = z.infer<typeof RankingTableSchema>

export type RankingStatus =
  | { kind: 'provisional' }
  | { kind: 'frozen'; snapshotId: string; frozenAt: string; frozenBy: string }

export type PublishedRanking = RankingTable & { status: RankingStatus }
