import {
  canAnalyseUnits,
  canEnterPaper,
  canExportFigures,
  canManageUsers,
  canPrintTickets,
  canReadDashboards,
  canReadNationally,
  type RoleHolder,
} from './policy'

/** The screens a user's work starts from, and where each lives. */
export const WORK_PATHS = {
  admin: '/admin/users',
  ministry: '/ministry',
  dashboard: '/dashboard',
  analysis: '/analysis',
  paper: '/paper',
  tickets: '/paper/tickets',
  exports: '/exports',
} as const
export type WorkScreen = keyof typeof WORK_PATHS

/** Where a user lands after signing in: the screen their work starts from. */
export function homePathFor(user: RoleHolder): string {
  if (canManageUsers(user)) return WORK_PATHS.admin
  if (canReadNationally(user)) return WORK_PATHS.ministry
  if (canReadDashboards(user)) return WORK_PATHS.dashboard
  return WORK_PATHS.paper
}

/** The header's links to a user's work screens, beyond their own account. */
export function workLinksFor(user: RoleHolder): readonly WorkScreen[] {
  const links: WorkScreen[] = []
  if (canManageUsers(user)) links.push('admin')
  if (canReadNationally(user)) links.push('ministry')
  // Whoever starts from the national overview reaches the dashboards through it.
  if (canReadDashboards(user) && homePathFor(user) !== WORK_PATHS.ministry) links.push('dashboard')
  if (canAnalyseUnits(user)) links.push('analysis')
  if (canEnterPaper(user)) links.push('paper')
  if (canPrintTickets(user)) links.push('tickets')
  if (canExportFigures(user)) links.push('exports')
  return links
}
