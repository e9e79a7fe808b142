import { z } from 'zod'

/** The fewest and most days a ticket may stay valid. */
export const MIN_EXPIRY_DAYS = 1
export const MAX_EXPIRY_DAYS = 90

/** Rating-ticket settings, one Setting row (app/tickets/settings.server.ts). */
export const TicketSettingsSchema = z.object({
  /** A ticket issued on day D may be used through D + expiryDays (Vietnam days). */
  expiryDays: z.number().int().min(MIN_EXPIRY_DAYS).max(MAX_EXPIRY_DAYS).default(14),
})
export type TicketSettings = z.infer<typeof TicketSettingsSchema>
