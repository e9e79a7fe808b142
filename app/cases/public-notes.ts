import { z } from 'zod'
import { scrubPersonalNumbers } from '~/responses/scrub'

/*
 * A note on a service point's public "you said, we did" page: what citizens said, in the agency's
 * words, and what the agency did. Staff write it, but a phone or ID number copied from a comment
 * would be published to everyone, so both texts are scrubbed like comments (app/responses/scrub.ts)
 * and kept short enough to read on a phone.
 */

export const MAX_NOTE_SAID_LENGTH = 1_000
export const MAX_NOTE_DID_LENGTH = 2_000

/** 'reply' when it answers a case, 'improvement' when the agency announces one of its own accord. */
export type NoteKind = 'reply' | 'improvement'

export const PublishNoteSchema = z.object({
  servicePointId: z.string({ error: 'notes.errors.servicePoint' }).min(1, { error: 'notes.errors.servicePoint' }),
  caseId: z
    .string()
    .optional()
    .transform((value) => value || null),
  said: z
    .string()
    .default('')
    .transform((text) => text.trim())
    .pipe(z.string().max(MAX_NOTE_SAID_LENGTH, { error: 'notes.errors.saidTooLong' }))
    .transform(scrubPersonalNumbers),
  did: z
    .string({ error: 'notes.errors.didRequired' })
    .transform((text) => text.trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'notes.errors.didRequired' })
        .max(MAX_NOTE_DID_LENGTH, { error: 'notes.errors.didTooLong' }),
    )
    .transform(scrubPersonalNumbers),
})
export type PublishNote = z.infer<typeof PublishNoteSchema>
