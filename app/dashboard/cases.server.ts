import { recordAudit } from '~/audit/audit.server'
import { getCaseSettings } from '~/cases/settings.server'
import { prisma } from '~/db.server'
import type { CaseStatus } from '~/generated/prisma/enums'
import type { Prisma } from '~/generated/prisma/client'
import { isoDate } from '~/i18n/format'
import { DefinitionSchema } from '~/questionnaire/definition'
import { scrubPersonalNumbers } from '~/responses/scrub'
import { caseAnswerRows } from './case-answers'
import { ALLOWED_FROM, type CaseIntent, caseState } from './case-forms'

/*
 * An agency's cases (docs/decisions/026-cases.md). Callers check canReadCases before reading and
 * canWorkOnCases before changing (app/auth/policy.ts); every query is scoped to the agency, so a
 * case of another agency is simply not found. Every change is audited in its own transaction.
 */

/** The most cases the list shows; the oldest come first, so none waiting long is cut off. */
const MAX_CASES_LISTED = 200

const DAY_MS = 24 * 60 * 60 * 1000

const listSelect = {
  id: true,
  status: true,
  openedOn: true,
  dueOn: true,
  servicePointId: true,
  assigneeId: true,
  replyRequested: true,
} satisfies Prisma.FeedbackCaseSelect

/** The agency's cases not yet closed, oldest first, and how many are open, overdue and answered. */
export async function listAgencyCases(agencyId: string, today: string) {
  const rows = await prisma.feedbackCase.findMany({
    where: { agencyId, status: { not: 'closed' } },
    select: listSelect,
    orderBy: [{ openedOn: 'asc' }, { createdAt: 'asc' }],
    take: MAX_CASES_LISTED,
  })
  const [names, assignees, closed] = await Promise.all([
    servicePointNames(rows.map((row) => row.servicePointId)),
    userNames(rows.flatMap((row) => (row.assigneeId ? [row.assigneeId] : []))),
    prisma.feedbackCase.count({ where: { agencyId, status: 'closed' } }),
  ])
  const cases = rows.map((row) => ({
    id: row.id,
    status: row.status,
    state: caseState(row.status, isoDate(row.dueOn), today),
    openedOn: isoDate(row.openedOn),
    dueOn: isoDate(row.dueOn),
    servicePoint: names.get(row.servicePointId) ?? { name: '', nameEn: '' },
    assignee: row.assigneeId ? assignees.get(row.assigneeId) ?? null : null,
    replyRequested: row.replyRequested,
  }))
  const counted = (state: string) => cases.filter((row) => row.state === state).length
  return { cases, counts: { open: counted('open'), overdue: counted('overdue'), answered: counted('answered'), closed } }
}

async function servicePointNames(ids: string[]) {
  const rows = await prisma.servicePoint.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true, nameEn: true },
  })
  return new Map(rows.map(({ id, ...names }) => [id, names]))
}

async function userNames(ids: string[]) {
  const rows = await prisma.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } })
  return new Map(rows.map((row) => [row.id, row.name]))
}

/** The agency's staff a case may be given to: its active managers and viewers. */
export function listCaseAssignees(agencyId: string) {
  return prisma.user.findMany({
    where: { agencyId, active: true, role: { in: ['agency_manager', 'agency_viewer'] } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  })
}

/**
 * One case of the agency with what the citizen said (coded answers and comment) and, when
 * `withContact`, the contact details they gave; null when the agency has no such case.
 */
export async function getAgencyCase(agencyId: string, caseId: string, options: { withContact: boolean }) {
  const found = await prisma.feedbackCase.findFirst({
    where: { id: caseId, agencyId },
    select: {
      ...listSelect,
      responseId: true,
      internalNote: true,
      publicReply: true,
      answeredAt: true,
      closedAt: true,
      contact: options.withContact ? { select: { channel: true, value: true, deleteAfter: true } } : false,
    },
  })
  if (!found) return null
  const [response, comment, names, settings] = await Promise.all([
    prisma.response.findUniqueOrThrow({
      where: { id: found.responseId },
      select: { versionId: true, channel: true, receiptId: true, answerItemIds: true, answerValues: true },
    }),
    prisma.comment.findUnique({ where: { responseId: found.responseId }, select: { text: true, hiddenAt: true, hiddenReason: true } }),
    servicePointNames([found.servicePointId]),
    getCaseSettings(),
  ])
  const [version, items] = await Promise.all([
    prisma.questionnaireVersion.findUniqueOrThrow({ where: { id: response.versionId }, select: { definition: true } }),
    prisma.item.findMany({ where: { id: { in: response.answerItemIds } }, select: { id: true, code: true } }),
  ])
  const codes = new Map(items.map((item) => [item.id, item.code]))
  const answers = caseAnswerRows(
    DefinitionSchema.parse(version.definition),
    response.answerItemIds.map((itemId, at) => ({ itemCode: codes.get(itemId) ?? '', value: response.answerValues[at]! })),
    settings.dissatisfiedAtOrBelow
  )
  return {
    id: found.id,
    status: found.status,
    openedOn: isoDate(found.openedOn),
    dueOn: isoDate(found.dueOn),
    servicePoint: names.get(found.servicePointId) ?? { name: '', nameEn: '' },
    assigneeId: found.assigneeId,
    internalNote: found.internalNote,
    publicReply: found.publicReply,
    answeredAt: found.answeredAt?.toISOString() ?? null,
    closedAt: found.closedAt?.toISOString() ?? null,
    replyRequested: found.replyRequested,
    channel: response.channel,
    comment: comment ? { text: comment.text, hidden: comment.hiddenAt !== null, hiddenReason: comment.hiddenReason } : null,
    answers,
    contact: found.contact
      ? { channel: found.contact.channel, value: found.contact.value, deleteAfter: found.contact.deleteAfter?.toISOString() ?? null }
      : null,
  }
}

export type CaseChange =
  | { intent: 'start' }
  | { intent: 'assign'; assigneeId: string }
  | { intent: 'note'; internalNote: string }
  | { intent: 'answer'; publicReply: string }
  | { intent: 'close' }

/** Why a change was refused, nothing changed: no such case here, or not from its status. */
export type CaseRefusal = 'not_found' | 'wrong_status' | 'bad_assignee'

/**
 * Applies one change to an agency's case, if the case is in a status the change may start from
 * (checked in the UPDATE itself, so two people acting at once cannot both move it), and audits
 * it. A reply is scrubbed of phone and ID numbers. Closing sets when the citizen's contact
 * details are deleted: the closing time plus contactRetentionDays.
 */
export async function changeCase(
  input: { agencyId: string; caseId: string; actorId: string; change: CaseChange },
  now = new Date()
): Promise<{ status: CaseStatus } | { refused: CaseRefusal }> {
  const { agencyId, caseId, actorId, change } = input
  if (change.intent === 'assign' && change.assigneeId) {
    const assignees = await listCaseAssignees(agencyId)
    if (!assignees.some((user) => user.id === change.assigneeId)) return { refused: 'bad_assignee' }
  }
  const settings = change.intent === 'close' ? await getCaseSettings() : null
  return prisma.$transaction(async (tx) => {
    const where = { id: caseId, agencyId, status: { in: [...ALLOWED_FROM[change.intent]] } }
    const data = caseUpdate(change, now)
    const { count } = await tx.feedbackCase.updateMany({ where, data })
    if (count === 0) {
      const exists = await tx.feedbackCase.count({ where: { id: caseId, agencyId } })
      return { refused: exists ? 'wrong_status' : 'not_found' }
    }
    if (change.intent === 'answer') {
      // The first answer's time is the one response-time figures count.
      await tx.feedbackCase.updateMany({ where: { id: caseId, answeredAt: null }, data: { answeredAt: now, answeredById: actorId } })
    }
    if (settings) {
      await tx.caseContact.updateMany({
        where: { caseId },
        data: { deleteAfter: new Date(now.getTime() + settings.contactRetentionDays * DAY_MS) },
      })
    }
    const { status } = await tx.feedbackCase.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } })
    await recordAudit(`case.${AUDIT_ACTIONS[change.intent]}`, { actorId, target: `case:${caseId}`, details: auditDetails(change, agencyId, status) }, tx)
    return { status }
  })
}

const AUDIT_ACTIONS: Record<CaseIntent, string> = {
  start: 'started',
  assign: 'assigned',
  note: 'noted',
  answer: 'answered',
  close: 'closed',
}

function caseUpdate(change: CaseChange, now: Date): Prisma.FeedbackCaseUpdateManyMutationInput {
  switch (change.intent) {
    case 'start':
      return { status: 'in_progress' }
    case 'assign':
      return { assigneeId: change.assigneeId || null }
    case 'note':
      return { internalNote: change.internalNote }
    case 'answer':
      return { status: 'answered', publicReply: scrubPersonalNumbers(change.publicReply) }
    case 'close':
      return { status: 'closed', closedAt: now }
  }
}

/** What the audit log keeps: never the citizen's words, the reply's length at most. */
function auditDetails(change: CaseChange, agencyId: string, status: CaseStatus): Prisma.InputJsonValue {
  if (change.intent === 'assign') return { agencyId, status, assigneeId: change.assigneeId || null }
  if (change.intent === 'answer') return { agencyId, status, replyLength: change.publicReply.length }
  return { agencyId, status }
}
