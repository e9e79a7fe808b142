import type { Prisma } from '~/generated/prisma/client'
import { type Actor, canAdministerNationally, canReadNationally, roleAttachment } from './policy'

/*
 * List filters that apply the rules of policy.ts to queries, so a page listing agencies,
 * service points, kiosks or users shows exactly what the signed-in user may see. A where
 * clause matching nothing (`{ id: { in: [] } }`) is used for roles with no access at all.
 */
const NOTHING = { id: { in: [] as string[] } }

/** `canSeeAgency` as a query. */
export function agencyScope(user: Actor): Prisma.AgencyWhereInput {
  if (canReadNationally(user)) return {}
  if (user.role === 'province_admin') return user.provinceId ? { provinceId: user.provinceId } : NOTHING
  if (roleAttachment(user.role) === 'agency') {
    return user.agencyId ? { id: user.agencyId } : NOTHING
  }
  return NOTHING
}

/** `canSeeServicePoint` as a query; a clerk sees the service points they are assigned to. */
export function servicePointScope(user: Actor): Prisma.ServicePointWhereInput {
  if (canReadNationally(user)) return {}
  if (user.role === 'province_admin') return user.provinceId ? { provinceId: user.provinceId } : NOTHING
  if (roleAttachment(user.role) === 'agency') {
    return user.agencyId ? { agencyId: user.agencyId } : NOTHING
  }
  return { clerks: { some: { userId: user.id } } }
}

export function kioskScope(user: Actor): Prisma.KioskDeviceWhereInput {
  return { servicePoint: servicePointScope(user) }
}

/** Accounts an administrator may list: everyone for the Ministry, their province's for a province. */
export function userScope(user: Actor): Prisma.UserWhereInput {
  if (canAdministerNationally(user)) return {}
  if (user.role === 'province_admin' && user.provinceId) return { provinceId: user.provinceId }
  return NOTHING
}
