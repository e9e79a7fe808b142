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

/** The most recent events, newest first (for the administration pages and tests). */
export function listAuditEvents({ action, take = 100 }: { action?: string; take?: number } = {}) {
  return prisma.auditEvent.findMany({
    where: action ? { action } : {},
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, at: true, actorId: true, action: true, target: true, details: true },
  })
}
