import { z } from 'zod'
import { parsePeriod } from '~/aggregation/period'

/*
 * The form that publishes an open-data release (/admin/open-data). Releases are for the periods
 * people report on — a year, a quarter, a month — not for custom ranges. ADR 022.
 */

export const MAX_NOTES_LENGTH = 2000

/** A year, quarter or month in its canonical form ('2025', '2025-Q2', '2025-03'); null otherwise. */
export function releasePeriod(text: string): string | null {
  const period = parsePeriod(text)
  return period && period.kind !== 'range' ? period.key : null
}

const NotesSchema = z.string().trim().max(MAX_NOTES_LENGTH, 'publish.errors.notesTooLong')

export const PublishFormSchema = z.object({
  period: z
    .string({ error: 'publish.errors.period' })
    .refine((text) => releasePeriod(text) !== null, 'publish.errors.period')
    .transform((text) => releasePeriod(text)!),
  notes: z.preprocess((value) => value ?? '', NotesSchema),
  notesEn: z.preprocess((value) => value ?? '', NotesSchema),
})
export type PublishForm = z.output<typeof PublishFormSchema>
