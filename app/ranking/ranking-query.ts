import { z } from 'zod'
import { RESPONSE_BASES } from '~/aggregation/response-basis'
import { INDICES, PEER_GROUPS } from './indices'

/** The earliest and latest year a ranking URL may name. */
export const MIN_RANKING_YEAR = 2017
export const MAX_RANKING_YEAR = 2100

// A GET form sends empty selects as "": treat them as not given.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

/** The query string of the public ranking page (a GET form, so it works without JavaScript). */
const RankingSearchSchema = z.object({
  year: optional(z.coerce.number().int().min(MIN_RANKING_YEAR).max(MAX_RANKING_YEAR)),
  index: optional(z.enum(INDICES)),
  group: optional(z.enum(PEER_GROUPS)),
  province: optional(z.string().max(64)),
  /** All responses or verified ones only; absent: the official basis. */
  responses: optional(z.enum(RESPONSE_BASES)),
})
export type RankingSearch = z.infer<typeof RankingSearchSchema>

export function parseRankingSearch(params: URLSearchParams) {
  return RankingSearchSchema.safeParse({
    year: params.get('year') ?? undefined,
    index: params.get('index') ?? undefined,
    group: params.get('group') ?? undefined,
    province: params.get('province') ?? undefined,
    responses: params.get('responses') ?? undefined,
  })
}
