import { RESPONSE_MARKS } from '~/quality/flags'

/**
 * Which responses figures count: all of them, or only the verified ones (given with a rating
 * ticket, so the citizen is known to have received a result at that place). Verified is the
 * RESPONSE_MARKS.VERIFIED bit of Response.flags, which the rollups are keyed by, so a verified-only
 * figure is a filter on that bit and a unit's verified count a sum over the cells that carry it
 * (docs/decisions/005-aggregation.md).
 */
export const RESPONSE_BASES = ['all', 'verified'] as const
export type ResponseBasis = (typeof RESPONSE_BASES)[number]

export const DEFAULT_RESPONSE_BASIS: ResponseBasis = 'all'

/** Whether a response (or a rollup cell) with these flags counts on this basis. */
export function countsOnBasis(flags: number, basis: ResponseBasis): boolean {
  return basis === 'all' || isVerified(flags)
}

export function isVerified(flags: number): boolean {
  return (flags & RESPONSE_MARKS.VERIFIED) !== 0
}

/** A query-string or form value → a basis; anything else is null (the caller decides the default). */
export function parseResponseBasis(value: string | null | undefined): ResponseBasis | null {
  return RESPONSE_BASES.find((basis) => basis === value) ?? null
}

/** The verified share of a unit's n, 0..100 unrounded; null when n is 0. */
export function verifiedShare(verified: number, n: number): number | null {
  if (n <= 0) return null
  if (verified < 0 || verified > n) throw new Error(`A verified count of ${verified} is outside 0..${n}`)
  return (100 * verified) / n
}
