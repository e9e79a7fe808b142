import { z } from 'zod'
import { type Actor, canSeeComments } from '~/auth/access'

/** Long enough to say why; short enough that nobody pastes the comment itself into it. */
export const MAX_HIDE_REASON_LENGTH = 300
/** The most recent comments a dashboard lists. */
export const MAX_COMMENTS_SHOWN = 100

/**
 * Who may hide (and restore) a citizen's comment about an agency: the agency's manager and the
 * Ministry administrator, i.e. comment readers with responsibility for what is published
 * inside the agency. Viewers read only what is not hidden.
 */
export function canModerateComments(user: Actor, agencyId: string): boolean {
  if (!canSeeComments(user, agencyId)) return false
  return user.role === 'ministry_admin' || user.role === 'agency_manager'
}

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
