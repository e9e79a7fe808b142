import { Role } from '~/generated/prisma/enums'

/*
 * Who may do what: every access rule of the application, as pure functions of the user (and of
 * the unit, where scope matters). The request guards in permissions.server.ts, the list filters
 * in scope.ts and app/paper/scope.ts, the navigation and the authorization matrix test
 * (test/authorization-matrix.integration.test.ts) all apply these; nothing else names a role to
 * decide access. Why the rules are what they are: docs/decisions/003-accounts-and-access.md.
 */

export type Actor = { id: string; role: Role; provinceId: string | null; agencyId: string | null }
/** What a capability looks at: the role alone (the navigation has no more than that). */
export type RoleHolder = Pick<Actor, 'role'>

/** Every role, in the order the hierarchy lists them (also the order of role pickers). */
export const ROLES: readonly Role[] = Object.values(Role)

/** What a user of this role must be attached to: their scope. */
export function roleAttachment(role: Role): 'none' | 'province' | 'agency' {
  if (role === 'ministry_admin' || role === 'ministry_analyst') return 'none'
  if (role === 'agency_manager' || role === 'agency_viewer') return 'agency'
  return 'province'
}

// ─── Capabilities: what a role may do at all ───
// Which units it may do it to is decided by the scoped rules further down.

/** The Ministry's administrator and the provinces' administrators, each within their scope. */
const administers = (user: RoleHolder) => user.role === 'ministry_admin' || user.role === 'province_admin'
/** Settings that bind the whole country. */
const isMinistryAdministrator = (user: RoleHolder) => user.role === 'ministry_admin'
/** Both Ministry roles read every unit. */
const readsNationally = (user: RoleHolder) => user.role === 'ministry_admin' || user.role === 'ministry_analyst'

/** Accounts: list, create, and edit those `canManageUser` allows. */
export function canManageUsers(user: RoleHolder): boolean {
  return administers(user)
}

/** Agencies and service points. */
export function canManageUnits(user: RoleHolder): boolean {
  return administers(user)
}

/** Kiosk devices: register and revoke. */
export function canManageKiosks(user: RoleHolder): boolean {
  return administers(user)
}

/** Survey campaigns (a province administrator's are limited to their province). */
export function canManageCampaigns(user: RoleHolder): boolean {
  return administers(user)
}

/**
 * Sampling plans of campaigns: the people served (N) per service point and the margin of error,
 * which give each service point its target (docs/decisions/028-sampling-plans.md). Which service
 * points: `canPlanSamplesAt`.
 */
export function canPlanSamples(user: RoleHolder): boolean {
  return administers(user)
}

/**
 * A campaign's collection progress (collected against target, projection): whoever plans it, and
 * the Ministry's analysts. Which service points: those `canSeeServicePoint` allows.
 */
export function canReadCollectionProgress(user: RoleHolder): boolean {
  return readsNationally(user) || user.role === 'province_admin'
}

/** Service points' survey links, QR codes and posters. */
export function canDistributeSurveys(user: RoleHolder): boolean {
  return administers(user)
}

/**
 * Acting for the whole country: choosing any province in administration pages, creating national
 * agencies and campaigns, listing every account.
 */
export function canAdministerNationally(user: RoleHolder): boolean {
  return isMinistryAdministrator(user)
}

/** Questionnaires: drafting, previewing and publishing versions. */
export function canEditQuestionnaires(user: RoleHolder): boolean {
  return isMinistryAdministrator(user)
}

/** Freezing official rankings, importing other indices, ranking settings. */
export function canManageRankings(user: RoleHolder): boolean {
  return isMinistryAdministrator(user)
}

/** How long comments and exact submission times are kept. */
export function canManageRetention(user: RoleHolder): boolean {
  return isMinistryAdministrator(user)
}

/** The thresholds of the response quality flags. */
export function canManageQualityRules(user: RoleHolder): boolean {
  return isMinistryAdministrator(user)
}

/** Open-data releases: publishing a period's figures, and corrections, in the Ministry's name. */
export function canPublishOpenData(user: RoleHolder): boolean {
  return isMinistryAdministrator(user)
}

/** Every unit's figures: the national overview, any province's and any agency's dashboard. */
export function canReadNationally(user: RoleHolder): boolean {
  return readsNationally(user)
}

/**
 * Figures as files (the exports page): whoever reads figures beyond one agency — the Ministry,
 * nationally, and a province administrator, for their province (the job's scope, ADR 020).
 */
export function canExportFigures(user: RoleHolder): boolean {
  return readsNationally(user) || user.role === 'province_admin'
}

/** Raw coded answers as files (microdata): the Ministry only ("read everything, export"). */
export function canExportMicrodata(user: RoleHolder): boolean {
  return readsNationally(user)
}

/**
 * Citizens' comments in a microdata export: only the Ministry administrator, the one Ministry
 * role that reads comments (canReadComments).
 */
export function canExportComments(user: RoleHolder): boolean {
  return isMinistryAdministrator(user)
}

/** Browsing the audit log: who did what, across the whole country. */
export function canReadAuditLog(user: RoleHolder): boolean {
  return isMinistryAdministrator(user)
}

/** Agency dashboards, of the agencies `canSeeAgency` allows: everyone but a clerk. */
export function canReadDashboards(user: RoleHolder): boolean {
  return user.role !== 'clerk'
}

/**
 * The analysis of a unit for its improvement plan (docs/decisions/030-analysis.md): where it
 * loses points, what drives satisfaction. The Ministry, the provinces' administrators and the
 * agencies' managers, who draft the plans; which units: `canAnalyseUnit`.
 */
export function canAnalyseUnits(user: RoleHolder): boolean {
  return readsNationally(user) || user.role === 'province_admin' || user.role === 'agency_manager'
}

/**
 * Keying paper sheets: clerks, and the administrators who run them and sometimes key a batch
 * themselves. Which service points: `canEnterPaperAt`.
 */
export function canEnterPaper(user: RoleHolder): boolean {
  return user.role === 'clerk' || administers(user)
}

/**
 * Printing sheets of single-use rating tickets for a desk without a dossier system
 * (docs/decisions/025-rating-tickets.md): the clerks who hand results over, the agency managers
 * who run those desks, and the administrators. Which service points: `canPrintTicketsAt`.
 */
export function canPrintTickets(user: RoleHolder): boolean {
  return user.role === 'clerk' || user.role === 'agency_manager' || administers(user)
}

/**
 * Resolving double-entry disputes: the administrators in scope, never a clerk. A clerk would see
 * the other pass (double entry is blind) and would judge their own keying. Agency staff run no
 * paper entry and so supervise none.
 */
export function canReconcilePaper(user: RoleHolder): boolean {
  return administers(user)
}

/**
 * Tokens of the read API (/api/v1) for other systems: issuing and revoking them. A token reads a
 * province's or the whole country's figures on its own, so only the Ministry administrator
 * hands them out (docs/decisions/021-read-api.md).
 */
export function canManageApiTokens(user: RoleHolder): boolean {
  return isMinistryAdministrator(user)
}

/**
 * Service tokens of the centres' dossier-management systems, which mint rating tickets
 * (docs/decisions/025-rating-tickets.md): the province's administrator for their province, the
 * Ministry administrator for any (which issuers each sees: app/tickets/issuers.server.ts).
 */
export function canManageTicketIssuers(user: RoleHolder): boolean {
  return administers(user)
}

/**
 * The rules of feedback cases (docs/decisions/026-cases.md): when a response opens one, the
 * deadline in working days and the extra days off, how long contact details are kept. They bind
 * every agency, so only the Ministry administrator changes them; the provinces' administrators
 * read them, since their agencies' deadlines follow them.
 */
export function canReadCaseSettings(user: RoleHolder): boolean {
  return administers(user)
}

export function canManageCaseSettings(user: RoleHolder): boolean {
  return isMinistryAdministrator(user)
}

/**
 * Every capability by name, so the authorization matrix and the policy test can go through them
 * all (a capability missing here fails app/auth/policy.test.ts).
 */
export const CAPABILITIES = {
  canManageUsers,
  canManageUnits,
  canManageKiosks,
  canManageCampaigns,
  canPlanSamples,
  canReadCollectionProgress,
  canDistributeSurveys,
  canAdministerNationally,
  canEditQuestionnaires,
  canManageRankings,
  canManageRetention,
  canManageQualityRules,
  canPublishOpenData,
  canReadNationally,
  canExportFigures,
  canExportMicrodata,
  canExportComments,
  canReadAuditLog,
  canReadDashboards,
  canAnalyseUnits,
  canEnterPaper,
  canReconcilePaper,
  canPrintTickets,
  canManageApiTokens,
  canManageTicketIssuers,
  canReadCaseSettings,
  canManageCaseSettings,
} as const satisfies Record<string, (user: RoleHolder) => boolean>

export type Capability = keyof typeof CAPABILITIES

// ─── Scoped rules: which units ───

/** A province's figures and administration: the Ministry and that province's administrator. */
export function canSeeProvince(user: Actor, provinceId: string): boolean {
  if (readsNationally(user)) return true
  return user.role === 'province_admin' && user.provinceId === provinceId
}

/** An agency's results: the Ministry, its province's administrator, and its own staff. */
export function canSeeAgency(user: Actor, agency: { id: string; provinceId: string | null }): boolean {
  if (readsNationally(user)) return true
  if (user.role === 'province_admin') return agency.provinceId !== null && agency.provinceId === user.provinceId
  if (roleAttachment(user.role) === 'agency') return user.agencyId === agency.id
  return false
}

/** A service point's results: whoever may see its agency. */
export function canSeeServicePoint(user: Actor, servicePoint: { agencyId: string; provinceId: string }): boolean {
  return canSeeAgency(user, { id: servicePoint.agencyId, provinceId: servicePoint.provinceId })
}

/**
 * A service point's sampling plan: the Ministry administrator for any, a province administrator
 * for their province's.
 */
export function canPlanSamplesAt(user: Actor, servicePoint: { provinceId: string }): boolean {
  if (canAdministerNationally(user)) return true
  return user.role === 'province_admin' && user.provinceId === servicePoint.provinceId
}

/**
 * Keying paper sheets for a service point: a clerk assigned to it, or an administrator whose
 * scope contains it.
 */
export function canEnterPaperAt(user: Actor, servicePoint: { provinceId: string }, clerkAssigned: boolean): boolean {
  if (user.role === 'clerk') return clerkAssigned
  if (canAdministerNationally(user)) return true
  return user.role === 'province_admin' && user.provinceId === servicePoint.provinceId
}

/**
 * Printing rating tickets for a service point: whoever may key paper for it, and the manager of
 * its agency.
 */
export function canPrintTicketsAt(user: Actor, servicePoint: { agencyId: string; provinceId: string }, clerkAssigned: boolean): boolean {
  if (user.role === 'agency_manager') return user.agencyId === servicePoint.agencyId
  return canEnterPaperAt(user, servicePoint, clerkAssigned)
}

/**
 * Free-text comments about an agency: that agency's staff and the Ministry administrator.
 * Analysts work on coded answers; comments are personal data, so only the administrator who may
 * hide them also reads them.
 */
export function canReadComments(user: Actor, agencyId: string): boolean {
  if (isMinistryAdministrator(user)) return true
  return roleAttachment(user.role) === 'agency' && user.agencyId === agencyId
}

/**
 * Hiding (and restoring) a citizen's comment about an agency: the agency's manager and the
 * Ministry administrator, the comment readers responsible for what is published inside the
 * agency. Viewers read only what is not hidden.
 */
export function canModerateComments(user: Actor, agencyId: string): boolean {
  if (!canReadComments(user, agencyId)) return false
  return user.role === 'ministry_admin' || user.role === 'agency_manager'
}

/**
 * An agency's cases (dissatisfied comments to answer, docs/decisions/026-cases.md): whoever reads
 * its comments, since a case is one.
 */
export function canReadCases(user: Actor, agencyId: string): boolean {
  return canReadComments(user, agencyId)
}

/**
 * Working on an agency's cases (assigning, noting, replying, closing): its manager only. The
 * reply speaks for the agency; a viewer reads, and the Ministry does not answer for an agency.
 */
export function canWorkOnCases(user: Actor, agencyId: string): boolean {
  return user.role === 'agency_manager' && user.agencyId === agencyId
}

/**
 * A citizen's phone number or e-mail address given to hear back on a case: the case's agency's
 * own staff, nobody else (not even the Ministry).
 */
export function canSeeCaseContact(user: Actor, agencyId: string): boolean {
  return roleAttachment(user.role) === 'agency' && user.agencyId === agencyId
}

/**
 * Publishing a note on a service point's public "you said, we did" page: the agency's manager,
 * who speaks for the agency, as for case replies.
 */
export function canPublishNotes(user: Actor, agencyId: string): boolean {
  return canWorkOnCases(user, agencyId)
}

/**
 * Withdrawing a published note: the agency's manager, and the administrator of its province, who
 * moderates what agencies in the province publish.
 */
export function canWithdrawNotes(user: Actor, agency: { id: string; provinceId: string | null }): boolean {
  if (canPublishNotes(user, agency.id)) return true
  return user.role === 'province_admin' && agency.provinceId !== null && user.provinceId === agency.provinceId
}

/**
 * Units side by side (the peer comparison of docs/decisions/030-analysis.md). Provinces: the
 * Ministry, and a province's administrator comparing their own province with any others (every
 * province's figures are published on /rankings). Agencies of one province: whoever sees that
 * province's figures; an agency's staff see no other agency's, so they compare none.
 */
export function canComparePeers(user: Actor, comparison: { level: 'province' | 'agency'; provinceIds: readonly string[] }): boolean {
  if (readsNationally(user)) return true
  if (user.role !== 'province_admin' || user.provinceId === null) return false
  if (comparison.level === 'province') return comparison.provinceIds.includes(user.provinceId)
  return comparison.provinceIds.every((provinceId) => provinceId === user.provinceId)
}

/** A unit's improvement plan: a province's own (agencyId null) or one agency's of the province. */
type PlanUnit = { provinceId: string; agencyId: string | null }

/**
 * Recording, editing and deleting a plan's actions: the plan is the unit's own commitment, so the
 * province's administrator for the province and its agencies, an agency's manager for the agency.
 * Whoever analyses the unit (`canAnalyseUnit`) reads its plan; the Ministry records none.
 */
export function canRecordImprovementActions(user: Actor, unit: PlanUnit): boolean {
  if (user.role === 'province_admin') return user.provinceId === unit.provinceId
  if (user.role === 'agency_manager') return unit.agencyId !== null && user.agencyId === unit.agencyId
  return false
}

/**
 * Analysing a unit (`canAnalyseUnits`): the Ministry any; a province's administrator their province
 * and its agencies and service points; an agency's manager their agency and its service points.
 */
export function canAnalyseUnit(
  user: Actor,
  unit: { level: 'province' | 'agency' | 'servicePoint'; provinceId: string | null; agencyId: string | null },
): boolean {
  if (!canAnalyseUnits(user)) return false
  if (readsNationally(user)) return true
  if (user.role === 'province_admin') return unit.provinceId !== null && unit.provinceId === user.provinceId
  return unit.level !== 'province' && unit.agencyId !== null && unit.agencyId === user.agencyId
}

/**
 * Roles an administrator may give. A province administrator cannot create a peer or anything
 * above, so a compromised province account cannot widen its own reach.
 */
export function assignableRoles(actorRole: Role): readonly Role[] {
  if (actorRole === 'ministry_admin') return ROLES
  if (actorRole === 'province_admin') return ['agency_manager', 'agency_viewer', 'clerk']
  return []
}

/**
 * Whether `actor` may edit `target` (role, deactivation, reset link). Nobody edits their own
 * account here: an administrator removing their own rights by mistake would lock the scope out.
 */
export function canManageUser(actor: Actor, target: { id: string; role: Role; provinceId: string | null }): boolean {
  if (actor.id === target.id) return false
  if (canAdministerNationally(actor)) return true
  if (actor.role !== 'province_admin') return false
  return target.provinceId === actor.provinceId && assignableRoles(actor.role).includes(target.role)
}
