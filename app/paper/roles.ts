import { ADMIN_ROLES, type Role } from '~/auth/roles'

/**
 * Who keys paper sheets: assigned clerks, and the administrators who run them and sometimes key
 * a batch themselves (the roles `hasPaperEntryAccess` admits; the service point decides the rest).
 */
export const PAPER_ENTRY_ROLES: readonly Role[] = ['clerk', ...ADMIN_ROLES]

/**
 * Who resolves double-entry disputes: the administrators in scope, never a clerk. A clerk
 * would see the other pass (double entry is blind) and would judge their own keying.
 * Agency staff run no paper entry (ADR 003) and so supervise none.
 */
export const PAPER_SUPERVISOR_ROLES: readonly Role[] = ADMIN_ROLES
