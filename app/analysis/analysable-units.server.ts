import { type Actor, canReadNationally } from '~/auth/policy'
import { reader } from '~/db/replica.server'
import type { AnalysisLevel } from './analysis-query'

/*
 * The units a user may pick on /analysis, grouped by level (canAnalyseUnit decides access; this
 * lists the same scope): the Ministry, the provinces in force; a province administrator, their
 * province and its agencies and service points; an agency manager, their agency and its
 * service points.
 */

export type AnalysableUnit = { level: AnalysisLevel; id: string; name: string }

export async function listAnalysableUnits(user: Actor): Promise<AnalysableUnit[]> {
  const db = reader()
  const byName = { name: 'asc' } as const
  if (canReadNationally(user)) {
    const provinces = await db.adminUnit.findMany({ where: { validTo: null }, select: { id: true, name: true }, orderBy: byName })
    return provinces.map((unit) => ({ level: 'province', ...unit }))
  }
  if (user.role === 'province_admin' && user.provinceId) {
    const [province, agencies, servicePoints] = await Promise.all([
      db.adminUnit.findUnique({ where: { id: user.provinceId }, select: { id: true, name: true } }),
      db.agency.findMany({ where: { provinceId: user.provinceId }, select: { id: true, name: true }, orderBy: byName }),
      db.servicePoint.findMany({ where: { provinceId: user.provinceId }, select: { id: true, name: true }, orderBy: byName }),
    ])
    return [
      ...(province ? [{ level: 'province' as const, ...province }] : []),
      ...agencies.map((unit) => ({ level: 'agency' as const, ...unit })),
      ...servicePoints.map((unit) => ({ level: 'servicePoint' as const, ...unit })),
    ]
  }
  if (user.role === 'agency_manager' && user.agencyId) {
    const [agency, servicePoints] = await Promise.all([
      db.agency.findUnique({ where: { id: user.agencyId }, select: { id: true, name: true } }),
      db.servicePoint.findMany({ where: { agencyId: user.agencyId }, select: { id: true, name: true }, orderBy: byName }),
    ])
    return [
      ...(agency ? [{ level: 'agency' as const, ...agency }] : []),
      ...servicePoints.map((unit) => ({ level: 'servicePoint' as const, ...unit })),
    ]
  }
  return []
}
