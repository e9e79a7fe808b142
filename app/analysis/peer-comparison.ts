import { z } from 'zod'
import { RESPONSE_BASES } from '~/aggregation/response-basis'
import { MAX_RANKING_YEAR, MIN_RANKING_YEAR } from '~/ranking/ranking-query'

/*
 * The peer comparison's question, as its GET form asks it (/analysis/compare): two to six
 * provinces, or agencies of one province, in one year (docs/decisions/030-analysis.md). Messages
 * are keys of the `improvement` namespace.
 */

/** Fewer than two units compare nothing; more than six make a table nobody reads on a phone. */
export const MIN_PEERS = 2
export const MAX_PEERS = 6

const COMPARE_LEVELS = ['province', 'agency'] as const
export type CompareLevel = (typeof COMPARE_LEVELS)[number]

// A GET form sends empty selects as "": treat them as not given.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

const YEAR_ERROR = { error: 'compare.errors.year' }

const CompareSearchSchema = z.object({
  level: z.enum(COMPARE_LEVELS, { error: 'compare.errors.level' }).default('province'),
  /** None: the page shows its forms alone. */
  units: z
    .array(z.string().min(1).max(64))
    .transform((ids) => [...new Set(ids)])
    .refine((ids) => ids.length === 0 || ids.length >= MIN_PEERS, { error: 'compare.errors.tooFew' })
    .refine((ids) => ids.length <= MAX_PEERS, { error: 'compare.errors.tooMany' }),
  year: optional(z.coerce.number(YEAR_ERROR).int(YEAR_ERROR).min(MIN_RANKING_YEAR, YEAR_ERROR).max(MAX_RANKING_YEAR, YEAR_ERROR)),
  /** The province whose agencies the agency form lists. */
  province: optional(z.string().max(64)),
  responses: optional(z.enum(RESPONSE_BASES, { error: 'compare.errors.responses' })),
})
export type CompareSearch = z.infer<typeof CompareSearchSchema>

/** The page's query string, or the i18n key of why the page cannot answer it (a 400). */
export function parseCompareSearch(params: URLSearchParams): { search: CompareSearch; error: null } | { search: null; error: string } {
  const parsed = CompareSearchSchema.safeParse({
    level: params.get('level') || undefined,
    units: params.getAll('unit').filter((id) => id !== ''),
    year: params.get('year') ?? undefined,
    province: params.get('province') ?? undefined,
    responses: params.get('responses') ?? undefined,
  })
  if (parsed.success) return { search: parsed.data, error: null }
  return { search: null, error: parsed.error.issues[0]?.message ?? 'compare.errors.tooFew' }
}

/** The compare page's address for some units (links from the analysis page and the report). */
export function compareHref(level: CompareLevel, unitIds: readonly string[], year?: number): string {
  const params = new URLSearchParams({ level })
  for (const id of unitIds) params.append('unit', id)
  if (year !== undefined) params.set('year', String(year))
  return `/analysis/compare?${params.toString()}`
}
