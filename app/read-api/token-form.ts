import { z } from 'zod'
import { MAX_API_TOKEN_DAYS } from './token-text'

/*
 * The form that issues an API token (messages are `api` keys). The expiry is a day, at the end
 * of which (Vietnamese time) the token stops working; at most MAX_API_TOKEN_DAYS ahead.
 */

export const NATIONAL_SCOPE = 'national'

const DAY_MS = 86_400_000
/** Vietnam is UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000

/** The first instant after the Vietnamese day `isoDay`. */
export function endOfVietnamDay(isoDay: string): Date {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + DAY_MS - VIETNAM_OFFSET_MS)
}

/** The Vietnamese date `days` after `now`'s, 'YYYY-MM-DD'. */
function vietnamDay(now: Date, days: number): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10)
}

/** The schema of the form as of `now`: the expiry is a day after today and at most MAX_API_TOKEN_DAYS ahead. */
export function newApiTokenSchema(now: Date) {
  return z.object({
    name: z.string().trim().min(1, { error: 'tokens.errors.name' }).max(100, { error: 'tokens.errors.name' }),
    scope: z.string().min(1, { error: 'tokens.errors.scope' }).max(64, { error: 'tokens.errors.scope' }),
    expiresOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'tokens.errors.expiresOn' })
      .refine((day) => new Date(Date.parse(`${day}T00:00:00Z`) || 0).toISOString().slice(0, 10) === day, { error: 'tokens.errors.expiresOn' })
      .refine((day) => day > vietnamDay(now, 0) && day <= vietnamDay(now, MAX_API_TOKEN_DAYS), { error: 'tokens.errors.expiresOn' }),
  })
}

export const RevokeApiTokenSchema = z.object({ tokenId: z.uuid({ error: 'tokens.errors.token' }) })
