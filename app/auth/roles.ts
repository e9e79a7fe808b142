import { Role } from '~/generated/prisma/enums'

export { Role }

/** Every role, in the order the hierarchy lists them (also the order of role pickers). */
export const ROLES: readonly Role[] = Object.values(Role)

/** Read everything nationally. */
export const MINISTRY_ROLES: readonly Role[] = ['ministry_admin', 'ministry_analyst']
/** May use the administration pages (users, agencies, service points, kiosks) within their scope. */
export const ADMIN_ROLES: readonly Role[] = ['ministry_admin', 'province_admin']
/** May export raw data (issue 3: "Ministry analyst — read everything, export"). */
export const EXPORT_ROLES: readonly Role[] = ['ministry_admin', 'ministry_analyst']
/**
 * Ministry roles that may read citizens' free-text comments. Analysts work on coded answers;
 * comments are personal data, so only the administrator who may hide them also reads them
 * (docs/decisions/003-accounts-and-access.md).
 */
export const COMMENT_READER_MINISTRY_ROLES: readonly Role[] = ['ministry_admin']
/** Roles attached to one agency. */
export const AGENCY_ROLES: readonly Role[] = ['agency_manager', 'agency_viewer']

/**
 * Roles an administrator may give. A province administrator cannot create a peer or anything
 * above, so a compromised province account cannot widen its own reach.
 */
export function assignableRoles(actorRole: Role): readonly Role[] {
  if (actorRole === 'ministry_admin') return ROLES
  if (actorRole === 'province_admin') return ['agency_manager', 'agency_viewer', 'clerk']
  return []
}

/** What a user of this role must be attached to. */
export function roleAttachment(role: Role): 'none' | 'province' | 'agency' {
  if (MINISTRY_ROLES.includes(role)) return 'none'
  if (AGENCY_ROLES.includes(role)) return 'agency'
  return 'province'
}

/** Where a user lands after signing in: the screen their work starts from. */
export function homePathFor(role: Role): string {
  if (ADMIN_ROLES.includes(role)) return '/admin/users'
  if (role === 'ministry_analyst') return '/ministry'
  if (role === 'clerk') return '/paper'
  return '/dashboard'
}

/** The header's links to a role's work screens, beyond its own account. */
export function workLinksFor(role: Role): readonly ('admin' | 'ministry' | 'dashboard' | 'paper')[] {
  const links: ('admin' | 'ministry' | 'dashboard' | 'paper')[] = []
  if (ADMIN_ROLES.includes(role)) links.push('admin')
  if (MINISTRY_ROLES.includes(role)) links.push('ministry')
  if (role !== 'clerk' && role !== 'ministry_analyst') links.push('dashboard')
  if (role === 'clerk' || ADMIN_ROLES.includes(role)) links.push('paper')
  return links
}
