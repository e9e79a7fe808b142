import { z } from 'zod'
import type { SheetEntry } from './compare'
import { VOID_REASONS } from './void'

/**
 * What a PaperSheet row's `payload` holds: one keyed copy of a sheet and the version it follows.
 * A void copy has a reason and no answers.
 */
const SheetPayloadSchema = z.object({
  versionId: z.string(),
  submittedOn: z.iso.date(),
  answers: z.record(z.string(), z.union([z.number().int(), z.array(z.number().int()), z.string()])),
  voidReason: z.enum(VOID_REASONS).optional(),
  /** The short-form block code printed on the sheet (docs/decisions/027-short-forms.md). */
  formBlock: z.string().optional(),
})
export type SheetPayload = SheetEntry & { versionId: string }

export function readPayload(json: unknown): SheetPayload {
  return SheetPayloadSchema.parse(json)
}
