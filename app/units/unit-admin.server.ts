import { randomUUID } from 'node:crypto'
import { recordAudit } from '~/audit/audit.server'
import { type Actor, canAdministerNationally, canSeeAgency, canSeeProvince, canSeeServicePoint } from '~/auth/policy'
import { prisma } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import type { AgencyInput, ServicePointInput } from './admin-forms'
import { provinceSummarySelect, unitSummarySelect } from './unit-select'

/*
 * Queries behind the administration pages for agencies and service points. Scope checks use
 * the rules in app/auth/policy.ts; list filters come from app/auth/scope.ts.
 */

export type FieldError = { field: string; key: string }

/** Runs the insert; a code another row already has comes back as `takenKey` on the code field. */
async function insertUniqueCode(insert: () => Promise<unknown>, takenKey: string): Promise<FieldError | null> {
  try {
    await insert()
    return null
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { field: 'code', key: takenKey }
    throw error
  }
}

/** Provinces in force on `today`, for pickers. */
export function listCurrentProvinces(today = new Date()) {
  return prisma.adminUnit.findMany({
    where: {
      AND: [
        { OR: [{ validFrom: null }, { validFrom: { lte: today } }] },
        { OR: [{ validTo: null }, { validTo: { gte: today } }] },
      ],
    },
    orderBy: { name: 'asc' },
    select: provinceSummarySelect,
  })
}

/**
 * The provinces an administrator may choose from: every current one for the Ministry; none for a
 * province administrator, whose own province goes without saying.
 */
export async function listChoosableProvinces(actor: Actor) {
  return canAdministerNationally(actor) ? listCurrentProvinces() : []
}

export function listAgencies(where: Prisma.AgencyWhereInput) {
  return prisma.agency.findMany({
    where,
    orderBy: [{ provinceId: 'asc' }, { code: 'asc' }],
    take: 1000,
    select: { ...unitSummarySelect, kind: true, province: { select: { name: true } }, _count: { select: { servicePoints: true } } },
  })
}

/** A province administrator creates agencies in their province; the Ministry anywhere, or national ones. */
export async function createAgency(actor: Actor, input: AgencyInput): Promise<{ agencyId: string } | { error: FieldError }> {
  const provinceId = actor.role === 'province_admin' ? actor.provinceId : input.provinceId
  if (provinceId && !canSeeProvince(actor, provinceId)) return { error: { field: 'provinceId', key: 'agencies.errors.province' } }
  if (!provinceId && !canAdministerNationally(actor)) return { error: { field: 'provinceId', key: 'agencies.errors.province' } }
  if (provinceId && !(await prisma.adminUnit.findUnique({ where: { id: provinceId }, select: { id: true } }))) {
    return { error: { field: 'provinceId', key: 'agencies.errors.province' } }
  }
  const id = randomUUID()
  const taken = await insertUniqueCode(
    () =>
      prisma.agency.create({
        data: { id, code: input.code, name: input.name, nameEn: input.nameEn, kind: input.kind, provinceId },
        select: { id: true },
      }),
    'agencies.errors.codeTaken',
  )
  if (taken) return { error: taken }
  await recordAudit('agency.created', { actorId: actor.id, target: `agency:${id}`, details: { code: input.code } })
  return { agencyId: id }
}

export function listServicePoints(where: Prisma.ServicePointWhereInput) {
  return prisma.servicePoint.findMany({
    where,
    orderBy: [{ active: 'desc' }, { code: 'asc' }],
    take: 1000,
    select: { ...unitSummarySelect, active: true, agency: { select: { code: true, name: true, nameEn: true } }, _count: { select: { kiosks: true } } },
  })
}

/** A service point belongs to an agency in the actor's scope and to that agency's province. */
export async function createServicePoint(
  actor: Actor,
  input: ServicePointInput,
): Promise<{ servicePointId: string } | { error: FieldError }> {
  const agency = await prisma.agency.findUnique({ where: { code: input.agencyCode }, select: { id: true, provinceId: true } })
  if (!agency) return { error: { field: 'agencyCode', key: 'servicePoints.errors.agencyUnknown' } }
  if (!canSeeAgency(actor, agency)) return { error: { field: 'agencyCode', key: 'servicePoints.errors.agencyOutOfScope' } }
  const { provinceId } = agency
  if (!provinceId) return { error: { field: 'agencyCode', key: 'servicePoints.errors.agencyWithoutProvince' } }
  const id = randomUUID()
  const { code, name, nameEn, address } = input
  const taken = await insertUniqueCode(
    () =>
      prisma.servicePoint.create({
        data: { id, code, name, nameEn, address, agencyId: agency.id, provinceId },
        select: { id: true },
      }),
    'servicePoints.errors.codeTaken',
  )
  if (taken) return { error: taken }
  await recordAudit('service_point.created', { actorId: actor.id, target: `service_point:${id}`, details: { code: input.code } })
  return { servicePointId: id }
}

/** Closing a service point stops new surveys there; its responses stay. The route checks scope first. */
export async function setServicePointActive(actorId: string, servicePointId: string, active: boolean): Promise<void> {
  await prisma.servicePoint.update({ where: { id: servicePointId }, data: { active }, select: { id: true } })
  await recordAudit('service_point.updated', { actorId, target: `service_point:${servicePointId}`, details: { active } })
}

/** The service point for a code, if the actor administers it (kiosk registration). */
export async function findServicePointInScope(actor: Actor, code: string) {
  const servicePoint = await prisma.servicePoint.findUnique({
    where: { code },
    select: { id: true, agencyId: true, provinceId: true },
  })
  if (!servicePoint || !canSeeServicePoint(actor, servicePoint)) return null
  return servicePoint
}
