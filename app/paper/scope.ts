import { type Actor, canAdministerNationally } from '~/auth/policy'
import type { Prisma } from '~/generated/prisma/client'

/**
 * Service points a user may key paper sheets for: the rule of `canEnterPaperAt`
 * (app/auth/policy.ts) as a query — assigned clerks, the province's administrator, the Ministry
 * administrator.
 */
export function paperServicePointScope(user: Actor): Prisma.ServicePointWhereInput {
  if (canAdministerNationally(user)) return {}
  if (user.role === 'province_admin' && user.provinceId) return { provinceId: user.provinceId }
  if (user.role === 'clerk') return { clerks: { some: { userId: user.id } } }
  return { id: { in: [] } }
}

/**
 * The batches a user may see: every batch of those service points, not only their own, so a
 * second clerk finds a double-entry batch and a supervisor the batches to reconcile.
 */
export function paperBatchScope(user: Actor): Prisma.PaperBatchWhereInput {
  return { servicePoint: paperServicePointScope(user) }
}
