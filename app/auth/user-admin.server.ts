import { randomUUID } from 'node:crypto'
import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { Prisma, type Role } from '~/generated/prisma/client'
import { type Actor, assignableRoles, canManageUser, canSeeAgency, canSeeServicePoint, roleAttachment } from './policy'
import { endAllSessions } from './session.server'
import type { NewUser, UserAccess } from './user-schema'

export type FieldError = { field: 'email' | 'role' | 'provinceId' | 'agencyCode' | 'servicePointCode'; key: string }
type Attachment = { provinceId: string | null; agencyId: string | null }

// Accounts created here have no password until their holder follows the reset link; this value
// never verifies (verifyPassword accepts only argon2 hashes).
const NO_PASSWORD = '!'

const managedUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  provinceId: true,
  agencyId: true,
  createdAt: true,
  province: { select: { name: true } },
  agency: { select: { code: true, name: true, nameEn: true } },
} satisfies Prisma.UserSelect

export function listUsers(where: Prisma.UserWhereInput) {
  return prisma.user.findMany({ where, orderBy: [{ active: 'desc' }, { email: 'asc' }], take: 500, select: managedUserSelect })
}

export function getManagedUser(userId: string) {
  return prisma.user.findUnique({
    where: { id: userId },
    select: {
      ...managedUserSelect,
      assignments: { select: { servicePoint: { select: { id: true, code: true, name: true, nameEn: true } } } },
    },
  })
}

/**
 * Checks that `actor` may give this role and attachment, and resolves the agency code. A
 * province administrator can only attach accounts to their own province and its agencies.
 */
async function resolveAccess(actor: Actor, access: UserAccess): Promise<{ attachment: Attachment } | { error: FieldError }> {
  if (!assignableRoles(actor.role).includes(access.role)) return { error: { field: 'role', key: 'users.errors.roleNotAllowed' } }
  const needs = roleAttachment(access.role)
  if (needs === 'none') return { attachment: { provinceId: null, agencyId: null } }
  if (needs === 'province') {
    const provinceId = actor.role === 'province_admin' ? actor.provinceId : access.provinceId
    if (!provinceId) return { error: { field: 'provinceId', key: 'users.errors.provinceRequired' } }
    const province = await prisma.adminUnit.findUnique({ where: { id: provinceId }, select: { id: true } })
    if (!province) return { error: { field: 'provinceId', key: 'users.errors.provinceRequired' } }
    return { attachment: { provinceId, agencyId: null } }
  }
  if (!access.agencyCode) return { error: { field: 'agencyCode', key: 'users.errors.agencyRequired' } }
  const agency = await prisma.agency.findUnique({ where: { code: access.agencyCode }, select: { id: true, provinceId: true } })
  if (!agency) return { error: { field: 'agencyCode', key: 'users.errors.agencyUnknown' } }
  if (!canSeeAgency(actor, agency)) return { error: { field: 'agencyCode', key: 'users.errors.agencyOutOfScope' } }
  return { attachment: { provinceId: agency.provinceId, agencyId: agency.id } }
}

/** Creates an account without a password; the caller issues its first reset link. */
export async function createUser(actor: Actor, input: NewUser): Promise<{ userId: string } | { error: FieldError }> {
  const resolved = await resolveAccess(actor, input)
  if ('error' in resolved) return resolved
  const id = randomUUID()
  try {
    await prisma.user.create({
      data: { id, email: input.email, name: input.name, role: input.role, passwordHash: NO_PASSWORD, ...resolved.attachment },
      select: { id: true },
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { error: { field: 'email', key: 'users.errors.emailTaken' } }
    }
    throw error
  }
  await recordAudit('user.created', { actorId: actor.id, target: `user:${id}`, details: { role: input.role, ...resolved.attachment } })
  return { userId: id }
}

type Target = { id: string; role: Role; provinceId: string | null; agencyId: string | null }

/** Changes a user's role and attachment; the audit event keeps the before and after. */
export async function changeUserAccess(actor: Actor, target: Target, access: UserAccess): Promise<{ error?: FieldError }> {
  if (!canManageUser(actor, target)) throw new Response(null, { status: 403 })
  const resolved = await resolveAccess(actor, access)
  if ('error' in resolved) return resolved
  await prisma.user.update({ where: { id: target.id }, data: { role: access.role, ...resolved.attachment }, select: { id: true } })
  await recordAudit('user.role_changed', {
    actorId: actor.id,
    target: `user:${target.id}`,
    details: {
      from: { role: target.role, provinceId: target.provinceId, agencyId: target.agencyId },
      to: { role: access.role, ...resolved.attachment },
    },
  })
  return {}
}

/** Deactivating signs the user out everywhere; the account and its history stay. */
export async function setUserActive(actor: Actor, target: Target, active: boolean): Promise<void> {
  if (!canManageUser(actor, target)) throw new Response(null, { status: 403 })
  await prisma.user.update({ where: { id: target.id }, data: { active }, select: { id: true } })
  if (!active) await endAllSessions(target.id)
  await recordAudit(active ? 'user.reactivated' : 'user.deactivated', { actorId: actor.id, target: `user:${target.id}` })
}

/** Lets a clerk key paper sheets for a service point in the actor's scope and the clerk's province. */
export async function assignClerk(actor: Actor, target: Target, servicePointCode: string): Promise<{ error?: FieldError }> {
  if (!canManageUser(actor, target) || target.role !== 'clerk') throw new Response(null, { status: 403 })
  const servicePoint = await prisma.servicePoint.findUnique({
    where: { code: servicePointCode.trim().toUpperCase() },
    select: { id: true, agencyId: true, provinceId: true },
  })
  if (!servicePoint) return { error: { field: 'servicePointCode', key: 'users.errors.servicePointUnknown' } }
  if (!canSeeServicePoint(actor, servicePoint) || servicePoint.provinceId !== target.provinceId) {
    return { error: { field: 'servicePointCode', key: 'users.errors.servicePointOutOfScope' } }
  }
  await prisma.clerkAssignment.upsert({
    where: { userId_servicePointId: { userId: target.id, servicePointId: servicePoint.id } },
    create: { userId: target.id, servicePointId: servicePoint.id },
    update: {},
    select: { userId: true },
  })
  await recordAudit('user.clerk_assigned', { actorId: actor.id, target: `user:${target.id}`, details: { servicePointId: servicePoint.id } })
  return {}
}

export async function unassignClerk(actor: Actor, target: Target, servicePointId: string): Promise<void> {
  if (!canManageUser(actor, target)) throw new Response(null, { status: 403 })
  await prisma.clerkAssignment.deleteMany({ where: { userId: target.id, servicePointId } })
  await recordAudit('user.clerk_unassigned', { actorId: actor.id, target: `user:${target.id}`, details: { servicePointId } })
}
