import { z } from 'zod'

/** Rating-ticket settings, one Setting row (app/tickets/settings.server.ts). */
export const TicketSettingsSchema = z.object({
  /** A ticket issued on day D may be used through D + expiryDays (Vietnam days). */
  expiryDays: z.number().int().min(1).max(90).default(14),
})
export type TicketSettings = z.infer<typeof TicketSettingsSchema>
