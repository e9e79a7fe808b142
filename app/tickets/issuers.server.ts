import { randomBytes, randomUUID } from 'node:crypto'
import { recordAudit } from '~/audit/audit.server'
import { type Actor, canAdministerNationally, canSeeProvince } from '~/auth/policy'
import { hashSecret } from '~/auth/secret-hash.server'
import { prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'
import type { NewTicketIssuer } from './issuer-form'
import { ISSUER_TOKEN_BYTES, issuerTokenFromBytes, shownIssuerPrefix } from './issuer-token'

/*
 * Service tokens of the centres' dossier-management systems, which mint rating tickets through
 * POST /api/v1/tickets (docs/decisions/025-rating-tickets.md). A token is for one province, or
 * one agency's service points in it; the province's administrator and the Ministry administrator
 * issue and revoke them. Shown once, stored as its SHA-256, each use counted: the read-API tokens'
 * pattern (app/read-api/tokens.server.ts).
 */

type FieldError = { field: string; key: string }

export type IssuedTicketIssuer = { id: string; token: string; prefix: string }

/** Which issuers an administrator sees and revokes: every one for the Ministry, their province's otherwise. */
function issuerScope(actor: Actor): Prisma.TicketIssuerWhereInput {
  if (canAdministerNationally(actor)) return {}
  return actor.role === 'province_admin' && actor.provinceId ? { provinceId: actor.provinceId } : { id: { in: [] } }
}

/**
 * Issues a token; the returned `token` is the only time anyone sees it. A province administrator
 * issues for their own province whatever the form says; an agency must lie in the province.
 */
export async function createTicketIssuer(actor: Actor, input: NewTicketIssuer): Promise<{ issued: IssuedTicketIssuer } | { error: FieldError }> {
  const provinceId = canAdministerNationally(actor) ? input.provinceId : actor.provinceId
  if (!provinceId || !canSeeProvince(actor, provinceId)) return { error: { field: 'provinceId', key: 'issuers.errors.province' } }
  // Every AdminUnit is province-level: a province or a centrally-run city.
  if (!(await prisma.adminUnit.findUnique({ where: { id: provinceId }, select: { id: true } }))) {
    return { error: { field: 'provinceId', key: 'issuers.errors.province' } }
  }
  let agencyId: string | null = null
  if (input.agencyCode) {
    const agency = await prisma.agency.findUnique({ where: { code: input.agencyCode }, select: { id: true, provinceId: true } })
    if (!agency) return { error: { field: 'agencyCode', key: 'issuers.errors.agencyUnknown' } }
    if (agency.provinceId !== provinceId) return { error: { field: 'agencyCode', key: 'issuers.errors.agencyOutsideProvince' } }
    agencyId = agency.id
  }

  const token = issuerTokenFromBytes(randomBytes(ISSUER_TOKEN_BYTES))
  const id = randomUUID()
  const prefix = shownIssuerPrefix(token)
  await prisma.$transaction(async (tx) => {
    await tx.ticketIssuer.create({
      data: { id, name: input.name, tokenHash: hashSecret(token), prefix, provinceId, agencyId, createdById: actor.id },
      select: { id: true },
    })
    await recordAudit('ticket_issuer.created', { actorId: actor.id, target: `ticket_issuer:${id}`, details: { name: input.name, provinceId, agencyId } }, tx)
  })
  return { issued: { id, token, prefix } }
}

const listedIssuerSelect = {
  id: true,
  name: true,
  prefix: true,
  provinceId: true,
  agencyId: true,
  createdAt: true,
  revokedAt: true,
  lastUsedAt: true,
  useCount: true,
} satisfies Prisma.TicketIssuerSelect

export type ListedTicketIssuer = Omit<Prisma.TicketIssuerGetPayload<{ select: typeof listedIssuerSelect }>, 'useCount'> & {
  useCount: number
  provinceName: string
  agencyCode: string | null
}

/** The issuers the administrator sees, newest first, with their province's name and agency's code. */
export async function listTicketIssuers(actor: Actor): Promise<ListedTicketIssuer[]> {
  const issuers = await prisma.ticketIssuer.findMany({
    where: issuerScope(actor),
    select: listedIssuerSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  })
  const [provinces, agencies] = await Promise.all([
    prisma.adminUnit.findMany({ where: { id: { in: [...new Set(issuers.map((issuer) => issuer.provinceId))] } }, select: { id: true, name: true } }),
    prisma.agency.findMany({
      where: { id: { in: [...new Set(issuers.flatMap((issuer) => (issuer.agencyId ? [issuer.agencyId] : [])))] } },
      select: { id: true, code: true },
    }),
  ])
  const provinceNames = new Map(provinces.map((province) => [province.id, province.name]))
  const agencyCodes = new Map(agencies.map((agency) => [agency.id, agency.code]))
  return issuers.map((issuer) => ({
    ...issuer,
    useCount: Number(issuer.useCount),
    provinceName: provinceNames.get(issuer.provinceId) ?? issuer.provinceId,
    agencyCode: issuer.agencyId ? agencyCodes.get(issuer.agencyId) ?? null : null,
  }))
}

/** Revokes a token at once; false when the administrator sees no such active token. */
export async function revokeTicketIssuer(actor: Actor, id: string, now = new Date()): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const revoked = await tx.ticketIssuer.updateMany({ where: { AND: [issuerScope(actor), { id, revokedAt: null }] }, data: { revokedAt: now } })
    if (revoked.count === 0) return false
    await recordAudit('ticket_issuer.revoked', { actorId: actor.id, target: `ticket_issuer:${id}` }, tx)
    return true
  })
}

/** What a valid token may mint for: its province's service points, or only its agency's. */
export type TicketIssuer = { id: string; provinceId: string; agencyId: string | null }
export type IssuerRefusal = 'issuer_token_unknown' | 'issuer_token_revoked'

/**
 * The issuer a presented token stands for, its use counted, or why it is refused. Looked up on
 * every request: a revocation takes effect at once in every app server.
 */
export async function authenticateTicketIssuer(token: string, now = new Date()): Promise<TicketIssuer | { refused: IssuerRefusal }> {
  const found = await prisma.ticketIssuer.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, provinceId: true, agencyId: true, revokedAt: true },
  })
  if (!found) return { refused: 'issuer_token_unknown' }
  if (found.revokedAt) return { refused: 'issuer_token_revoked' }
  await prisma.ticketIssuer.update({ where: { id: found.id }, data: { useCount: { increment: 1 }, lastUsedAt: now }, select: { id: true } })
  return { id: found.id, provinceId: found.provinceId, agencyId: found.agencyId }
}
