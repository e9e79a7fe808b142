import type { Prisma } from '~/generated/prisma/client'
import { type Actor, isMinistry } from './access'

/*
 * List filters that apply the rules in access.ts to queries, so a page listing agencies,
 * service points, kiosks or users shows exactly what the signed-in user may see. A where
 * clause matching nothing (`{ id: { in: [] } }`) is used for roles with no access at all.
 */
const NOTHING = { id: { in: [] as string[] } }

export function agencyScope(user: Actor): Prisma.AgencyWhereInput {
  if (isMinistry(user)) return {}
  if (user.role === 'province_admin') return user.provinceId ? { provinceId: user.provinceId } : NOTHING
  if (user.role === 'agency_manager' || user.role === 'agency_viewer') {
    return user.agencyId ? { id: user.agencyId } : NOTHING
  }
  return NOTHING
}

export function servicePointScope(user: Actor): Prisma.ServicePointWhereInput {
  if (isMinistry(user)) return {}
  if (user.role === 'province_admin') return user.provinceId ? { provinceId: user.provinceId } : NOTHING
  if (user.role === 'agency_manager' || user.role === 'agency_viewer') {
    return user.agencyId ? { agencyId: user.agencyId } : NOTHING
  }
  return { clerks: { some: { userId: user.id } } }
}

export function kioskScope(user: Actor): Prisma.KioskDeviceWhereInput {
  return { servicePoint: servicePointScope(user) }
}

/** Accounts an administrator may list: everyone for the Ministry, their province's for a province. */
export function userScope(user: Actor): Prisma.UserWhereInput {
  if (user.role === 'ministry_admin') return {}
  if (user.role === 'province_admin' && user.provinceId) return { provinceId: user.provinceId }
  return NOTHING
}
