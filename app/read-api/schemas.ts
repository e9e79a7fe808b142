import { z } from 'zod'
import 'zod-openapi'
import { parsePeriod } from '~/aggregation/period'
import { UNIT_LEVELS } from '~/aggregation/reference'
import { RESPONSE_BASES } from '~/aggregation/response-basis'
import { Channel } from '~/generated/prisma/enums'
import { LANGUAGES } from '~/i18n/config'
import { INDICES, PEER_GROUPS } from '~/ranking/indices'
import { MAX_RANKING_YEAR, MIN_RANKING_YEAR } from '~/ranking/ranking-query'
import { SUBMISSION_ERROR_CODES } from '~/responses/errors'
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './cursor'

/*
 * The read API's contract (docs/decisions/021-read-api.md): the schemas that validate each
 * endpoint's query string and describe its answers. The OpenAPI document (openapi.ts) is made
 * from these same schemas, so the document and the server cannot say different things.
 */

// ─── Query parameters ───

const id = z.string().min(1).max(64)

const paging = {
  cursor: z.string().max(1000).optional().meta({ description: 'The `next` cursor of the previous page; omit for the first page.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_LIMIT)
    .default(DEFAULT_PAGE_LIMIT)
    .meta({ description: `Items per page, 1 to ${MAX_PAGE_LIMIT}.` }),
  lng: z.enum(LANGUAGES).optional().meta({ description: 'Language of error messages (otherwise Accept-Language, then Vietnamese).' }),
}

const UnitLevelSchema = z.enum(UNIT_LEVELS).meta({ id: 'UnitLevel', description: 'province, agency or servicePoint.' })

export const UnitsQuerySchema = z
  .object({
    level: UnitLevelSchema.optional(),
    province: id.optional().meta({ description: 'Only this province (id) and what lies in it, its predecessors included.' }),
    ...paging,
  })
  .strict()

const ResponseBasisSchema = z.enum(RESPONSE_BASES).meta({
  id: 'ResponseBasis',
  description:
    'Which responses the figures count: all, or only verified ones (given with a rating ticket handed over with a result). Default: the basis of official figures.',
})

export const IndicesQuerySchema = z
  .object({
    period: z
      .string()
      .refine((text) => parsePeriod(text) !== null)
      .meta({ description: "A year '2025', quarter '2025-Q2', month '2025-03' or range '2025-01-01..2025-03-31'.", example: '2025' }),
    level: UnitLevelSchema,
    unit: id.optional().meta({ description: 'Only this unit (id, of `level`).' }),
    province: id.optional().meta({ description: 'Only units in this province (agencies and service points).' }),
    channel: z.enum(Channel).optional().meta({ description: 'Only answers given on this channel.' }),
    responses: ResponseBasisSchema.optional(),
    ...paging,
  })
  .strict()

export const RankingsQuerySchema = z
  .object({
    year: z.coerce.number().int().min(MIN_RANKING_YEAR).max(MAX_RANKING_YEAR).meta({ example: 2025 }),
    index: z.enum(INDICES).default('SIPAS'),
    peerGroup: z.enum(PEER_GROUPS).default('provinces'),
    province: id.optional().meta({ description: 'The province of a departments, communes or servicePoints ranking.' }),
    responses: ResponseBasisSchema.optional(),
    ...paging,
  })
  .strict()

export type UnitsQuery = z.output<typeof UnitsQuerySchema>
export type IndicesQuery = z.output<typeof IndicesQuerySchema>
export type RankingsQuery = z.output<typeof RankingsQuerySchema>

// ─── Answers ───

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const percent = z.number().min(0).max(100)

const NameSchema = z.object({ vi: z.string(), en: z.string() }).meta({ id: 'Name' })

const ApiUnitSchema = z
  .object({
    id: z.string(),
    level: UnitLevelSchema,
    code: z.string(),
    name: NameSchema,
    kind: z.string().meta({ description: 'province or city; department, commune, service_centre or ministry; servicePoint.' }),
    parentId: z.string().nullable().meta({ description: "An agency's parent agency, a service point's agency; null for provinces." }),
    provinceId: z.string().nullable(),
    validFrom: isoDate.nullable(),
    validTo: isoDate.nullable(),
    active: z.boolean(),
    successors: z
      .array(z.object({ id: z.string(), effectiveOn: isoDate }))
      .meta({ description: 'Provinces this one was merged into (the 2025 reorganisation).' }),
  })
  .meta({ id: 'Unit' })
export type ApiUnit = z.infer<typeof ApiUnitSchema>

const EstimateSchema = z
  .object({
    value: percent.nullable().meta({ description: 'Percent; null when suppressed (too few respondents) or not computable.' }),
    low: percent.nullable(),
    high: percent.nullable(),
    margin: z.number().nullable().meta({
      description: 'The margin of error achieved: half the 95 % interval, in percentage points (indices: z × standard error, before the interval is cut to 0–100).',
    }),
    n: z.number().int().meta({ description: 'Valid answers (items) or respondents (indices) behind the figure.' }),
    suppressed: z.boolean(),
  })
  .meta({ id: 'Estimate', description: 'A percentage with its 95 % interval.' })
export type Estimate = z.infer<typeof EstimateSchema>

const UnitIndicesSchema = z
  .object({
    unitId: z.string(),
    level: UnitLevelSchema,
    methodologyCode: z.string(),
    versionId: z.string(),
    n: z.number().int().meta({ description: 'Respondents after exclusions.' }),
    excluded: z.number().int().meta({ description: 'Responses left out by the quality rule.' }),
    verified: z.number().int().meta({ description: 'Verified respondents (rating tickets) among n.' }),
    verifiedShare: percent.nullable().meta({ description: 'Verified respondents as a percentage of n; null when n is 0.' }),
    suppressed: z.boolean(),
    sipas: EstimateSchema,
    aspects: z.record(z.string(), percent.nullable()),
    elements: z.record(z.string(), percent.nullable()),
    items: z.record(z.string(), EstimateSchema),
  })
  .meta({ id: 'UnitIndices' })
export type UnitIndices = z.infer<typeof UnitIndicesSchema>

const RankingRowSchema = z
  .object({
    unitId: z.string(),
    code: z.string(),
    name: NameSchema,
    score: z.number().nullable(),
    n: z.number().int().nullable(),
    verified: z.number().int().nullable().meta({ description: 'Verified respondents among n; null for imported indices.' }),
    low: z.number().nullable(),
    high: z.number().nullable(),
    margin: z.number().nullable().meta({ description: 'The margin of error achieved (half the 95 % interval, in points); null for imported indices.' }),
    rank: z.number().int().nullable(),
    change: z.union([z.number().int(), z.literal('reorganised')]).nullable(),
    group: z.string().nullable(),
    tiedWithAbove: z.boolean().meta({ description: 'Statistically tied with the unit ranked just above.' }),
    status: z.enum(['ranked', 'insufficientSample', 'noData']),
  })
  .meta({ id: 'RankingRow' })
export type ApiRankingRow = z.infer<typeof RankingRowSchema>

const pageOf = <T extends z.ZodType, Extra extends z.ZodRawShape>(item: T, extra: Extra) =>
  z.object(extra).extend({
    data: z.array(item),
    next: z.string().nullable().meta({ description: 'Cursor of the next page; null on the last.' }),
  })

export const UnitsPageSchema = pageOf(ApiUnitSchema, {}).meta({ id: 'UnitsPage' })
export const IndicesPageSchema = pageOf(UnitIndicesSchema, {
  period: z.object({ key: z.string(), from: isoDate, to: isoDate }),
  minN: z.number().int().meta({ description: 'Figures resting on fewer respondents are suppressed.' }),
  responses: ResponseBasisSchema,
}).meta({ id: 'IndicesPage' })
export const RankingPageSchema = pageOf(RankingRowSchema, {
  year: z.number().int(),
  index: z.enum(INDICES),
  peerGroup: z.enum(PEER_GROUPS),
  provinceId: z.string().nullable(),
  status: z.enum(['provisional', 'frozen']),
  baseline: z.enum(['previous', 'pro-forma']).nullable().meta({ description: 'What rank changes are measured against.' }),
  outOf: z.number().int(),
  previousOutOf: z.number().int().nullable(),
  reorganisation: z.boolean(),
  minN: z.number().int().nullable(),
  responses: ResponseBasisSchema,
  groups: z.array(z.object({ group: z.string(), min: z.number() })),
}).meta({ id: 'RankingPage' })

export type UnitsPage = z.infer<typeof UnitsPageSchema>
export type IndicesPage = z.infer<typeof IndicesPageSchema>
export type RankingPage = z.infer<typeof RankingPageSchema>

/** The one JSON error shape of every API of the platform (app/responses/submission-api.server.ts). */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(SUBMISSION_ERROR_CODES),
      message: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  })
  .meta({ id: 'Error' })
