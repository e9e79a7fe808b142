import { prisma } from '~/db.server'
import type { Role } from '~/generated/prisma/enums'
import { canManageUser, hasAgencyAccess, hasPaperEntryAccess, hasProvinceAccess, hasServicePointAccess } from './access'
import { ADMIN_ROLES } from './roles'
import { requireUser, type SessionUser } from './session.server'

/*
 * The one place requests are authorised. Every loader and action that shows or changes
 * non-public data calls one of these first. They throw: a redirect to sign-in (no session),
 * 403 (signed in, not allowed) or 404 (no such thing). The rules themselves are pure
 * functions in access.ts; list pages filter with scope.ts.
 */

// An empty body makes the error boundary show the translated status text.
const forbidden = () => new Response(null, { status: 403 })
const notFound = () => new Response(null, { status: 404 })

type Options = { roles?: readonly Role[]; now?: Date }

function requireAllowedRole(user: SessionUser, roles: readonly Role[] | undefined) {
  if (roles && !roles.includes(user.role)) throw forbidden()
}

/** A signed-in user holding one of `roles`. */
export async function requireRole(request: Request, roles: readonly Role[], now?: Date): Promise<SessionUser> {
  const user = await requireUser(request, now)
  requireAllowedRole(user, roles)
  return user
}

/** A user who may see (or, with `roles: ADMIN_ROLES`, administer) a province. */
export async function requireProvinceAccess(request: Request, provinceId: string, options: Options = {}) {
  const user = await requireUser(request, options.now)
  requireAllowedRole(user, options.roles)
  const province = await prisma.adminUnit.findUnique({ where: { id: provinceId }, select: { id: true } })
  if (!province) throw notFound()
  if (!hasProvinceAccess(user, provinceId)) throw forbidden()
  return user
}

/** A user who may see (or, with `roles`, act on) an agency. */
export async function requireAgencyAccess(request: Request, agencyId: string, options: Options = {}) {
  const user = await requireUser(request, options.now)
  requireAllowedRole(user, options.roles)
  const agency = await prisma.agency.findUnique({ where: { id: agencyId }, select: { id: true, provinceId: true } })
  if (!agency) throw notFound()
  if (!hasAgencyAccess(user, agency)) throw forbidden()
  return user
}

/** A user who may see (or, with `roles`, act on) a service point. */
export async function requireServicePointAccess(request: Request, servicePointId: string, options: Options = {}) {
  const user = await requireUser(request, options.now)
  requireAllowedRole(user, options.roles)
  const servicePoint = await prisma.servicePoint.findUnique({
    where: { id: servicePointId },
    select: { agencyId: true, provinceId: true },
  })
  if (!servicePoint) throw notFound()
  if (!hasServicePointAccess(user, servicePoint)) throw forbidden()
  return user
}

/** A user who may key paper sheets for a service point (an assigned clerk or an administrator in scope). */
export async function requirePaperEntryAccess(request: Request, servicePointId: string, now?: Date) {
  const user = await requireUser(request, now)
  const servicePoint = await prisma.servicePoint.findUnique({
    where: { id: servicePointId },
    select: { provinceId: true, clerks: { where: { userId: user.id }, select: { userId: true } } },
  })
  if (!servicePoint) throw notFound()
  if (!hasPaperEntryAccess(user, servicePoint, servicePoint.clerks.length > 0)) throw forbidden()
  return user
}

/**
 * An administrator and an account they may manage (role, deactivation, reset link). Returns
 * the actor and the target's access fields.
 */
export async function requireManagedUser(request: Request, userId: string, now?: Date) {
  const actor = await requireRole(request, ADMIN_ROLES, now)
  const target = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, provinceId: true, agencyId: true },
  })
  if (!target) throw notFound()
  if (!canManageUser(actor, target)) throw forbidden()
  return { actor, target }
}

export { canSeeComments } from './access'
