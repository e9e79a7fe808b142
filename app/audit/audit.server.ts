import { prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'

/*
 * The audit log: who changed what, appended by every module that changes something worth
 * answering for later. A module of its own, below the domain modules, so recording an event does
 * not make a module depend on auth (docs/architecture.md).
 */

/**
 * Actions are `area.verb` strings, e.g.
 * auth.sign_in, auth.sign_in_failed, auth.sign_out, auth.sign_out_everywhere,
 * auth.password_reset_issued, auth.password_reset, user.created, user.role_changed,
 * user.deactivated, user.reactivated, user.clerk_assigned, user.clerk_unassigned,
 * agency.created, service_point.created, service_point.updated, kiosk.created, kiosk.revoked,
 * retention.changed, retention.purged; questionnaire
 * publishing, ranking freezes and exports add their own (e.g. questionnaire.published,
 * ranking.frozen, export.downloaded).
 */
export type AuditEntry = {
  /** The user who acted; null for anonymous events such as a failed sign-in. */
  actorId?: string | null
  /** What was acted on, e.g. `user:<id>`, `agency:<id>`, `ranking:<id>`. */
  target?: string | null
  /** Small facts worth keeping (never passwords, tokens or citizens' answers). */
  details?: Prisma.InputJsonValue
}

type Client = Pick<typeof prisma, 'auditEvent'> | Prisma.TransactionClient

/** Appends an audit event. Pass a transaction client to record it atomically with the change. */
export async function recordAudit(action: string, entry: AuditEntry = {}, client: Client = prisma): Promise<void> {
  await client.auditEvent.create({
    data: { action, actorId: entry.actorId ?? null, target: entry.target ?? null, details: entry.details },
    select: { id: true },
  })
}

/** What the audit log can be filtered on; every filter is optional. */
export type AuditFilters = {
  /** Exact action, e.g. `export.downloaded`. */
  action?: string
  /** The actor's email address, exact (case-insensitive). */
  actorEmail?: string
  /** What was acted on: a target starting with this text (`export:` finds every export). */
  target?: string
  /** Events at or after this instant, and before `before`. */
  from?: Date
  before?: Date
  /** Events older than this one (the id of the last event of the previous page). */
  cursor?: bigint
  take?: number
}

/** Events per page of the audit log, and the most any caller may take at once. */
export const AUDIT_PAGE_SIZE = 50
const MAX_AUDIT_TAKE = 500

/**
 * Events matching the filters, newest first (by id: events are numbered as they are recorded),
 * each with its actor's email. An actor email that names nobody matches nothing.
 */
export async function listAuditEvents({ action, actorEmail, target, from, before, cursor, take = 100 }: AuditFilters = {}) {
  let actorId: string | undefined
  if (actorEmail) {
    const actor = await prisma.user.findFirst({ where: { email: { equals: actorEmail, mode: 'insensitive' } }, select: { id: true } })
    if (!actor) return []
    actorId = actor.id
  }
  const events = await prisma.auditEvent.findMany({
    where: {
      ...(action ? { action } : {}),
      ...(actorId ? { actorId } : {}),
      ...(target ? { target: { startsWith: target } } : {}),
      ...(from || before ? { at: { ...(from ? { gte: from } : {}), ...(before ? { lt: before } : {}) } } : {}),
      ...(cursor !== undefined ? { id: { lt: cursor } } : {}),
    },
    orderBy: { id: 'desc' },
    take: Math.min(take, MAX_AUDIT_TAKE),
    select: { id: true, at: true, actorId: true, action: true, target: true, details: true },
  })
  const actorIds = [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))]
  const actors = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } })
  const emails = new Map(actors.map((actor) => [actor.id, actor.email]))
  return events.map((event) => ({ ...event, actorEmail: event.actorId ? (emails.get(event.actorId) ?? null) : null }))
}
