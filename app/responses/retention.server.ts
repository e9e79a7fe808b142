import { z } from 'zod'
import { recordAudit } from '~/audit/audit.server'
import { getCaseSettings } from '~/cases/settings.server'
import { prisma } from '~/db.server'

/*
 * Data protection (Law 91/2025/QH15, Decree 356/2025): free-text comments may identify a
 * person, so they are kept only as long as agencies need them to act on feedback; the coded
 * answers that feed the index stay. The exact submission time is needed only for quality
 * checks (bursts, speeders), so it is cleared earlier; the submission date stays. A citizen's
 * phone number or e-mail address, given to hear back about a case, goes once the case has been
 * closed for the configured number of days (app/cases/settings.ts contactRetentionDays).
 */

/** Setting key holding the comment retention in days. */
export const COMMENT_RETENTION_SETTING = 'retention.commentDays'
/** Comment retention when the setting is absent: one survey year plus time to act on it. */
export const DEFAULT_COMMENT_RETENTION_DAYS = 365
/** How long the exact submission time is kept for quality checks. */
export const SUBMITTED_AT_RETENTION_DAYS = 90

const DAY_MS = 24 * 60 * 60 * 1000
const RetentionDaysSchema = z.number().int().min(1).max(3650)
/** The admin form: the same bounds, from a text field. */
export const RetentionFormSchema = z.object({ days: z.coerce.number().pipe(RetentionDaysSchema) })

/** The configured comment retention; a malformed setting fails loudly rather than keeping data forever. */
export async function getCommentRetentionDays(): Promise<number> {
  const setting = await prisma.setting.findUnique({ where: { key: COMMENT_RETENTION_SETTING }, select: { value: true } })
  if (!setting) return DEFAULT_COMMENT_RETENTION_DAYS
  return RetentionDaysSchema.parse(setting.value)
}

export async function setCommentRetentionDays(days: number, actorId: string): Promise<void> {
  const value = RetentionDaysSchema.parse(days)
  await prisma.setting.upsert({
    where: { key: COMMENT_RETENTION_SETTING },
    create: { key: COMMENT_RETENTION_SETTING, value },
    update: { value },
    select: { key: true },
  })
  await recordAudit('retention.changed', { actorId, target: `setting:${COMMENT_RETENTION_SETTING}`, details: { days: value } })
}

/**
 * Deletes comments older than the retention, clears exact submission times older than
 * SUBMITTED_AT_RETENTION_DAYS, and deletes case contacts past their `deleteAfter` (set when the
 * case closes). A contact whose case is closed but which has no `deleteAfter` (closed by a path
 * that did not set it) goes once the case has been closed longer than the contact retention.
 * Only the contact goes: the case, its reply and the response stay. Safe to run as often as
 * wanted; meant to run daily.
 */
export async function purgeExpiredComments(now = new Date()) {
  const [retentionDays, { contactRetentionDays }] = await Promise.all([getCommentRetentionDays(), getCaseSettings(now.getTime())])
  const commentsBefore = new Date(now.getTime() - retentionDays * DAY_MS)
  const timesBefore = new Date(now.getTime() - SUBMITTED_AT_RETENTION_DAYS * DAY_MS)
  const closedBefore = new Date(now.getTime() - contactRetentionDays * DAY_MS)
  const [comments, submissionTimes, contacts] = await prisma.$transaction([
    prisma.comment.deleteMany({ where: { createdAt: { lt: commentsBefore } } }),
    prisma.response.updateMany({ where: { submittedAt: { lt: timesBefore } }, data: { submittedAt: null } }),
    prisma.caseContact.deleteMany({
      where: {
        OR: [{ deleteAfter: { lte: now } }, { deleteAfter: null, case: { closedAt: { lte: closedBefore } } }],
      },
    }),
  ])
  const purged = { comments: comments.count, submissionTimes: submissionTimes.count, contacts: contacts.count }
  if (purged.comments > 0 || purged.submissionTimes > 0 || purged.contacts > 0) {
    await recordAudit('retention.purged', { details: { ...purged, retentionDays, contactRetentionDays } })
  }
  return purged
}
