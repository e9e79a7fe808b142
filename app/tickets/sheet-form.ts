import { z } from 'zod'
import { PROCEDURE_FIELD_CODES } from './fields'

/** A sheet is printed on A4, 10 tickets a page: 100 is a busy desk's day, 10 pages. */
export const MAX_TICKETS_PER_SHEET = 100

/** The print-a-ticket-sheet form (messages are `tickets` keys). Browser and server share it. */
export const TicketSheetSchema = z.object({
  servicePointId: z.string().trim().min(1, { error: 'sheet.errors.servicePoint' }),
  // The empty option: the desk does not say, and the citizen is asked.
  field: z
    .union([z.enum(PROCEDURE_FIELD_CODES), z.literal('')], { error: 'sheet.errors.field' })
    .optional()
    .transform((value) => value || null),
  count: z.coerce
    .number({ error: 'sheet.errors.count' })
    .int({ error: 'sheet.errors.count' })
    .min(1, { error: 'sheet.errors.count' })
    .max(MAX_TICKETS_PER_SHEET, { error: 'sheet.errors.count' }),
})
