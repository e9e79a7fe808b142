import { z } from 'zod'
import { daysBetween } from './dates'

/** A batch is one bundle of sheets handed to a clerk; larger bundles are split. */
export const MAX_SHEETS_PER_BATCH = 500
/** Sheets in one batch come from one collection period, at most a quarter. */
const MAX_BATCH_DAYS = 92

const day = (key: string) => z.iso.date({ error: key })

/** The open-a-batch form (messages are `paper` keys). Browser and server share it. */
export const BatchSchema = z
  .object({
    servicePointId: z.string().trim().min(1, { error: 'batches.errors.servicePoint' }),
    fromDate: day('batches.errors.date'),
    toDate: day('batches.errors.date'),
    sheetCount: z.coerce
      .number({ error: 'batches.errors.sheetCount' })
      .int({ error: 'batches.errors.sheetCount' })
      .min(1, { error: 'batches.errors.sheetCount' })
      .max(MAX_SHEETS_PER_BATCH, { error: 'batches.errors.sheetCount' }),
    // An unticked checkbox sends nothing.
    doubleEntry: z
      .string()
      .optional()
      .transform((value) => value === 'on'),
  })
  .check((ctx) => {
    const { fromDate, toDate } = ctx.value
    if (toDate < fromDate) ctx.issues.push({ code: 'custom', path: ['toDate'], message: 'batches.errors.toBeforeFrom', input: toDate })
    else if (daysBetween(fromDate, toDate) > MAX_BATCH_DAYS) {
      ctx.issues.push({ code: 'custom', path: ['toDate'], message: 'batches.errors.tooLong', input: toDate })
    }
  })

export type BatchInput = z.output<typeof BatchSchema>
