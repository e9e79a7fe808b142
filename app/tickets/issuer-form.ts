import { z } from 'zod'
import { MAX_EXPIRY_DAYS, MIN_EXPIRY_DAYS } from './settings'

/*
 * The forms of /admin/ticket-issuers (messages are `api` keys): issuing a service token for a
 * centre's dossier-management system, and revoking one. A province administrator's tokens are
 * for their own province, which the form does not ask; the Ministry administrator chooses it.
 * An agency code narrows the token to that agency's service points. The Ministry administrator
 * also sets how many days a ticket stays valid.
 */

export const NewTicketIssuerSchema = z.object({
  name: z.string().trim().min(1, { error: 'issuers.errors.name' }).max(100, { error: 'issuers.errors.name' }),
  provinceId: z.string().trim().max(64, { error: 'issuers.errors.province' }).optional(),
  agencyCode: z
    .string()
    .trim()
    .max(32, { error: 'issuers.errors.agencyUnknown' })
    .optional()
    .transform((code) => (code ? code.toUpperCase() : null)),
})
export type NewTicketIssuer = z.output<typeof NewTicketIssuerSchema>

export const RevokeTicketIssuerSchema = z.object({ issuerId: z.uuid({ error: 'issuers.errors.issuer' }) })

const expiryDays = { error: 'issuers.errors.expiryDays' }
export const TicketSettingsFormSchema = z.object({
  expiryDays: z.coerce.number(expiryDays).int(expiryDays).min(MIN_EXPIRY_DAYS, expiryDays).max(MAX_EXPIRY_DAYS, expiryDays),
})
