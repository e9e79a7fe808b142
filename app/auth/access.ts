import type { Role } from '~/generated/prisma/enums'
import { assignableRoles, COMMENT_READER_MINISTRY_ROLES, MINISTRY_ROLES } from './roles'

/**
 * The rules of who may see what, as pure functions of the user and the thing. The request
 * guards in permissions.server.ts and the list filters in scope.ts apply these rules.
 */
export type Actor = { id: string; role: Role; provinceId: string | null; agencyId: string | null }

export function isMinistry(user: Actor): boolean {
  return MINISTRY_ROLES.includes(user.role)
}

/** Province-wide figures and administration: the Ministry and that province's administrator. */
export function hasProvinceAccess(user: Actor, provinceId: string): boolean {
  if (isMinistry(user)) return true
  return user.role === 'province_admin' && user.provinceId === provinceId
}

/** An agency's results: the Ministry, its province's administrator, and its own staff. */
export function hasAgencyAccess(user: Actor, agency: { id: string; provinceId: string | null }): boolean {
  if (isMinistry(user)) return true
  if (user.role === 'province_admin') return agency.provinceId !== null && agency.provinceId === user.provinceId
  if (user.role === 'agency_manager' || user.role === 'agency_viewer') return user.agencyId === agency.id
  return false
}

/** A service point's results: whoever may see its agency. */
export function hasServicePointAccess(user: Actor, servicePoint: { agencyId: string; provinceId: string }): boolean {
  return hasAgencyAccess(user, { id: servicePoint.agencyId, provinceId: servicePoint.provinceId })
}

/**
 * Keying paper sheets for a service point: a clerk assigned to it, or an administrator whose
 * scope contains it (they run the clerks and sometimes key a batch themselves).
 */
export function hasPaperEntryAccess(
  user: Actor,
  servicePoint: { provinceId: string },
  clerkAssigned: boolean,
): boolean {
  if (user.role === 'clerk') return clerkAssigned
  if (user.role === 'ministry_admin') return true
  return user.role === 'province_admin' && user.provinceId === servicePoint.provinceId
}

/** Free-text comments about an agency: that agency's staff and the Ministry roles allowed to read them. */
export function canSeeComments(user: Actor, agencyId: string): boolean {
  if (COMMENT_READER_MINISTRY_ROLES.includes(user.role)) return true
  return (user.role === 'agency_manager' || user.role === 'agency_viewer') && user.agencyId === agencyId
}

/**
 * Whether `actor` may edit `target` (role, deactivation, reset link). Nobody edits their own
 * account here: an administrator removing their own rights by mistake would lock the scope out.
 */
export function canManageUser(actor: Actor, target: { id: string; role: Role; provinceId: string | null }): boolean {
  if (actor.id === target.id) return false
  if (actor.role === 'ministry_admin') return true
  if (actor.role !== 'province_admin') return false
  return target.provinceId === actor.provinceId && assignableRoles(actor.role).includes(target.role)
}
