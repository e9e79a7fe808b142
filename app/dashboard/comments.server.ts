import { recordAudit } from '~/audit/audit.server'
import type { DateRange } from '~/aggregation/period'
import { prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { isoDate } from '~/i18n/format'
import { MAX_COMMENTS_SHOWN } from './comment-moderation'

/*
 * Citizens' free-text comments about one agency. Comments are personal data (ADR 003): callers
 * check canReadComments before listing and canModerateComments before hiding
 * (app/auth/policy.ts); every query here is scoped to the agency, so a comment id from another
 * agency simply isn't found.
 */

const commentSelect = {
  responseId: true,
  text: true,
  createdAt: true,
  hiddenAt: true,
  hiddenReason: true,
  response: { select: { submittedOn: true, servicePointId: true } },
} satisfies Prisma.CommentSelect

/** The agency's most recent comments submitted in the period; hidden ones only when asked. */
export async function listAgencyComments(agencyId: string, range: DateRange, options: { includeHidden: boolean }) {
  const comments = await prisma.comment.findMany({
    where: {
      response: { agencyId, submittedOn: { gte: new Date(range.from), lte: new Date(range.to) } },
      ...(options.includeHidden ? {} : { hiddenAt: null }),
    },
    select: commentSelect,
    orderBy: [{ response: { submittedOn: 'desc' } }, { createdAt: 'desc' }],
    take: MAX_COMMENTS_SHOWN,
  })
  const servicePoints = await prisma.servicePoint.findMany({
    where: { id: { in: [...new Set(comments.map((comment) => comment.response.servicePointId))] } },
    select: { id: true, name: true, nameEn: true },
  })
  const servicePointNames = new Map(servicePoints.map(({ id, ...names }) => [id, names]))
  return comments.map((comment) => ({
    responseId: comment.responseId,
    text: comment.text,
    submittedOn: isoDate(comment.response.submittedOn),
    servicePoint: servicePointNames.get(comment.response.servicePointId) ?? { name: '', nameEn: '' },
    hidden: comment.hiddenAt !== null,
    hiddenReason: comment.hiddenReason,
  }))
}

/**
 * Hides an abusive comment with the reason, audited in the same transaction. False when the
 * comment doesn't belong to the agency or is already hidden.
 */
export async function hideComment(
  input: { agencyId: string; responseId: string; reason: string; actorId: string },
  now = new Date()
) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { responseId: input.responseId, hiddenAt: null, response: { agencyId: input.agencyId } },
      data: { hiddenAt: now, hiddenReason: input.reason, hiddenById: input.actorId },
    })
    if (count === 0) return false
    await recordAudit(
      'comment.hidden',
      {
        actorId: input.actorId,
        target: `comment:${input.responseId}`,
        details: { agencyId: input.agencyId, reason: input.reason },
      },
      tx
    )
    return true
  })
}

/** Shows a hidden comment again (a moderation mistake), audited. */
export async function restoreComment(input: { agencyId: string; responseId: string; actorId: string }) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { responseId: input.responseId, hiddenAt: { not: null }, response: { agencyId: input.agencyId } },
      data: { hiddenAt: null, hiddenReason: null, hiddenById: null },
    })
    if (count === 0) return false
    await recordAudit(
      'comment.restored',
      { actorId: input.actorId, target: `comment:${input.responseId}`, details: { agencyId: input.agencyId } },
      tx
    )
    return true
  })
}
