import { z } from 'zod'

/** Long enough to say why; short enough that nobody pastes the comment itself into it. */
export const MAX_HIDE_REASON_LENGTH = 300
/** The most recent comments a dashboard lists. */
export const MAX_COMMENTS_SHOWN = 100

/** Hiding a comment: which one and why (messages are `dashboard` keys). */
export const HideCommentSchema = z.object({
  responseId: z.uuid({ error: 'comments.errors.comment' }),
  reason: z
    .string()
    .trim()
    .min(3, { error: 'comments.errors.reason' })
    .max(MAX_HIDE_REASON_LENGTH, { error: 'comments.errors.reason' }),
})

export const RestoreCommentSchema = z.object({
  responseId: z.uuid({ error: 'comments.errors.comment' }),
})
