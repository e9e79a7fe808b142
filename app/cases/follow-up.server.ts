import { prisma } from '~/db.server'
import type { CaseStatus } from '~/generated/prisma/enums'
import { CONSENT_VERSION, type Contact } from './contact'

/*
 * The citizen's side of a case: asking to hear back (the thank-you page) and reading where the
 * case stands with the receipt code (the public "your feedback" page). Nothing here returns the
 * answers, the comment or a contact detail: a receipt code is all a reader needs, and all a
 * guesser would have.
 */

/** The case a receipt's response opened, as the thank-you page needs it; null when it opened none. */
export async function getCaseOfReceipt(receiptId: string) {
  const response = await prisma.response.findUnique({ where: { receiptId }, select: { id: true } })
  if (!response) return null
  return prisma.feedbackCase.findUnique({
    where: { responseId: response.id },
    select: { id: true, status: true, replyRequested: true },
  })
}

export type OptInRefusal = 'no_case' | 'case_closed'

/**
 * The citizen will read the reply with their receipt code. Refused when the receipt opened no case
 * or the case is closed; a contact given before stays (they may use both).
 */
export async function requestReplyByReceipt(receiptId: string): Promise<{ refused: OptInRefusal } | { refused: null }> {
  const kase = await getCaseOfReceipt(receiptId)
  if (!kase) return { refused: 'no_case' }
  const { count } = await prisma.feedbackCase.updateMany({
    where: { id: kase.id, status: { not: 'closed' }, replyRequested: null },
    data: { replyRequested: 'receipt' },
  })
  if (count === 0 && kase.status === 'closed') return { refused: 'case_closed' }
  return { refused: null }
}

/**
 * Stores the contact a citizen gave, with the consent they ticked (CONSENT_VERSION, now), apart
 * from the answers. A second one replaces the first. Refused, storing nothing, when the receipt
 * opened no case or the case is closed (checked in the same transaction as the write).
 */
export async function saveCaseContact(
  receiptId: string,
  contact: Contact,
  now = new Date(),
): Promise<{ refused: OptInRefusal } | { refused: null }> {
  const kase = await getCaseOfReceipt(receiptId)
  if (!kase) return { refused: 'no_case' }
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.feedbackCase.updateMany({
      where: { id: kase.id, status: { not: 'closed' } },
      data: { replyRequested: contact.channel },
    })
    if (count === 0) return { refused: 'case_closed' as const }
    const fields = { channel: contact.channel, value: contact.value, consentVersion: CONSENT_VERSION, consentedAt: now }
    await tx.caseContact.upsert({
      where: { caseId: kase.id },
      create: { caseId: kase.id, ...fields },
      update: fields,
      select: { caseId: true },
    })
    return { refused: null }
  })
}

/** How the public page names a case's stage: the agency's own statuses, new counted as received. */
export type FeedbackStage = 'received' | 'in_progress' | 'answered' | 'closed'

const STAGES: Record<CaseStatus, FeedbackStage> = {
  new: 'received',
  in_progress: 'in_progress',
  answered: 'answered',
  closed: 'closed',
}

/**
 * Where a receipt's feedback stands, for its holder: the stage, the deadline when it opened a case,
 * and the agency's public reply once answered. Null when no response has this receipt. A response
 * that opened no case is simply "received".
 */
export async function getFeedbackStatus(receiptId: string) {
  const response = await prisma.response.findUnique({ where: { receiptId }, select: { id: true, submittedOn: true } })
  if (!response) return null
  const kase = await prisma.feedbackCase.findUnique({
    where: { responseId: response.id },
    select: { status: true, dueOn: true, publicReply: true, answeredAt: true },
  })
  if (!kase) return { stage: 'received' as FeedbackStage, submittedOn: response.submittedOn, dueOn: null, reply: null, answeredAt: null }
  const answered = kase.status === 'answered' || kase.status === 'closed'
  return {
    stage: STAGES[kase.status],
    submittedOn: response.submittedOn,
    dueOn: kase.dueOn,
    reply: answered ? kase.publicReply : null,
    answeredAt: answered ? kase.answeredAt : null,
  }
}
