import { z } from 'zod'
import type { CaseStatus } from '~/generated/prisma/enums'

/*
 * The forms of a case page and the status rules they follow (docs/decisions/026-cases.md):
 * new → in progress → answered → closed. Messages are keys of the `cases` namespace.
 */

/** The public reply: what the citizen reads with their receipt code. */
export const MAX_PUBLIC_REPLY_LENGTH = 2000
const MIN_PUBLIC_REPLY_LENGTH = 10
export const MAX_INTERNAL_NOTE_LENGTH = 4000

export const CASE_INTENTS = ['start', 'assign', 'note', 'answer', 'close'] as const
export type CaseIntent = (typeof CASE_INTENTS)[number]

export const ReplySchema = z.object({
  publicReply: z
    .string()
    .trim()
    .min(MIN_PUBLIC_REPLY_LENGTH, 'case.errors.replyRequired')
    .max(MAX_PUBLIC_REPLY_LENGTH, 'case.errors.replyTooLong'),
})
export type ReplyInput = z.input<typeof ReplySchema>

export const NoteSchema = z.object({
  internalNote: z.string().trim().max(MAX_INTERNAL_NOTE_LENGTH, 'case.errors.noteTooLong'),
})

/** An empty assignee takes the case off whoever had it. */
export const AssignSchema = z.object({ assigneeId: z.string().max(64, 'case.errors.assignee') })

const OPEN: readonly CaseStatus[] = ['new', 'in_progress']

/** The statuses an intent may start from; a closed case changes no more. */
export const ALLOWED_FROM: Record<CaseIntent, readonly CaseStatus[]> = {
  start: ['new'],
  assign: [...OPEN, 'answered'],
  note: [...OPEN, 'answered'],
  // A reply may be corrected while the case is answered; the first answer's time stays.
  answer: [...OPEN, 'answered'],
  close: [...OPEN, 'answered'],
}

export type CaseState = 'open' | 'overdue' | 'answered' | 'closed'

/** Where a case stands on `today` (YYYY-MM-DD, in Vietnam): open past its deadline is overdue. */
export function caseState(status: CaseStatus, dueOn: string, today: string): CaseState {
  if (status === 'closed') return 'closed'
  if (status === 'answered') return 'answered'
  return dueOn < today ? 'overdue' : 'open'
}
