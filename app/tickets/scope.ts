import type { Actor } from '~/auth/policy'
import type { Prisma } from '~/generated/prisma/client'
import { paperServicePointScope } from '~/paper/scope'

/**
 * Service points a user may print rating tickets for: the rule of `canPrintTicketsAt`
 * (app/auth/policy.ts) as a query.
 */
export function ticketServicePointScope(user: Actor): Prisma.ServicePointWhereInput {
  if (user.role === 'agency_manager') return user.agencyId ? { agencyId: user.agencyId } : { id: { in: [] } }
  return paperServicePointScope(user)
}
