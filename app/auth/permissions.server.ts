import { prisma } from '~/db.server'
import { getTranslation } from '~/i18n/i18next.server'
import {
  canEnterPaperAt,
  canManageUser,
  canPrintTicketsAt,
  canManageUsers,
  canSeeAgency,
  canSeeProvince,
  canSeeServicePoint,
  type RoleHolder,
} from './policy'
import { requireCsrfForm } from './csrf.server'
import { requireUser, type SessionUser } from './session.server'

/*
 * The one place requests are authorised. Every loader and action that shows or changes
 * non-public data calls one of these first. They throw: a redirect to sign-in (no session),
 * 403 (signed in, not allowed) or 404 (no such thing). The rules themselves are the pure
 * functions of policy.ts; list pages filter with scope.ts.
 */

// An empty body makes the error boundary show the translated status text.
const forbidden = () => new Response(null, { status: 403 })
const notFound = () => new Response(null, { status: 404 })

/** A signed-in user holding `capability`, one of the capabilities of policy.ts (`canManageUsers`, …). */
export async function requireCapability(
  request: Request,
  capability: (user: RoleHolder) => boolean,
  now?: Date,
): Promise<SessionUser> {
  const user = await requireUser(request, now)
  if (!capability(user)) throw forbidden()
  return user
}

/**
 * An administration page's loader: the user must hold `capability`; then the page's own data and
 * its translation load side by side. `load` gets the user (for scoping) and returns the page's
 * data as values or promises; the result holds them resolved, with the page's translated title
 * (`titleKey` in `namespace`) and the locale. The user itself stays on the server.
 */
export async function loadAdminPage<Loads extends Record<string, unknown>>(
  request: Request,
  page: { capability: (user: RoleHolder) => boolean; namespace: string; titleKey: string },
  load: (user: SessionUser) => Loads,
): Promise<{ [K in keyof Loads]: Awaited<Loads[K]> } & { title: string; locale: Awaited<ReturnType<typeof getTranslation>>['locale'] }> {
  const user = await requireCapability(request, page.capability)
  const loads = load(user)
  const keys = Object.keys(loads)
  const [{ t, locale }, ...values] = await Promise.all([getTranslation(request, page.namespace), ...Object.values(loads)])
  const loaded = Object.fromEntries(keys.map((key, index) => [key, values[index]])) as { [K in keyof Loads]: Awaited<Loads[K]> }
  return { ...loaded, title: t(page.titleKey), locale }
}

/** An action only holders of `capability` may post: the user, and the form once its CSRF token checks out. */
export async function requireCapabilityForm(request: Request, capability: (user: RoleHolder) => boolean) {
  const actor = await requireCapability(request, capability)
  return { actor, formData: await requireCsrfForm(request) }
}

/** A user who may see an agency (`canSeeAgency`). */
export async function requireAgencyAccess(request: Request, agencyId: string, now?: Date) {
  const user = await requireUser(request, now)
  const agency = await prisma.agency.findUnique({ where: { id: agencyId }, select: { id: true, provinceId: true } })
  if (!agency) throw notFound()
  if (!canSeeAgency(user, agency)) throw forbidden()
  return user
}

/**
 * A user holding `capability` (planning samples, following collection) for a campaign: 404 when
 * there is no such campaign, 403 for a province's campaign outside the user's province. Which of
 * a national campaign's service points they see is the list's scope (scope.ts).
 */
export async function requireCampaignAccess(request: Request, campaignId: string, capability: (user: RoleHolder) => boolean) {
  const user = await requireCapability(request, capability)
  const campaign = await prisma.campaign.findUnique({ where: { id: campaignId }, select: { provinceId: true } })
  if (!campaign) throw notFound()
  if (campaign.provinceId !== null && !canSeeProvince(user, campaign.provinceId)) throw forbidden()
  return user
}

/** A user who may see a service point (`canSeeServicePoint`). */
export async function requireServicePointAccess(request: Request, servicePointId: string, now?: Date) {
  const user = await requireUser(request, now)
  if (!canSeeServicePoint(user, await getCheckedServicePoint(servicePointId, user.id))) throw forbidden()
  return user
}

/** A user who may key paper sheets for a service point (`canEnterPaperAt`). */
export async function requirePaperEntryAccess(request: Request, servicePointId: string, now?: Date) {
  const user = await requireUser(request, now)
  const servicePoint = await getCheckedServicePoint(servicePointId, user.id)
  if (!canEnterPaperAt(user, servicePoint, servicePoint.clerks.length > 0)) throw forbidden()
  return user
}

/** A user who may print rating tickets for a service point (`canPrintTicketsAt`). */
export async function requireTicketPrintingAccess(request: Request, servicePointId: string, now?: Date) {
  const user = await requireUser(request, now)
  const servicePoint = await getCheckedServicePoint(servicePointId, user.id)
  if (!canPrintTicketsAt(user, servicePoint, servicePoint.clerks.length > 0)) throw forbidden()
  return user
}

/** What the service point checks read: where it is, and whether the user is one of its clerks (404 if none). */
async function getCheckedServicePoint(servicePointId: string, userId: string) {
  const servicePoint = await prisma.servicePoint.findUnique({
    where: { id: servicePointId },
    select: { agencyId: true, provinceId: true, clerks: { where: { userId }, select: { userId: true } } },
  })
  if (!servicePoint) throw notFound()
  return servicePoint
}

/**
 * An administrator and an account they may manage (role, deactivation, reset link). Returns
 * the actor and the target's access fields.
 */
export async function requireManagedUser(request: Request, userId: string, now?: Date) {
  const actor = await requireCapability(request, canManageUsers, now)
  const target = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, provinceId: true, agencyId: true },
  })
  if (!target) throw notFound()
  if (!canManageUser(actor, target)) throw forbidden()
  return { actor, target }
}
