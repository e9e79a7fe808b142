import { lineageEdges } from '~/aggregation/figures.server'
import { storedIdsFor, successorsAsOf } from '~/aggregation/attribution'
import type { UnitLevel } from '~/aggregation/reference'
import { reader } from '~/db/replica.server'
import { isoDate } from '~/i18n/format'
import { type ApiRefusal, outsideScope, unknownUnit } from './refusal'
import type { ApiUnit } from './schemas'

/*
 * The units the read API lists and the scope of a province token: a province and every province
 * merged into it (its predecessors across the 2025 reorganisation), and what lies in them.
 */

/** An `asOf` after every recorded reorganisation. */
const EVERY_REORGANISATION = '9999-12-31'

/** Province ids a province stands for: itself and its predecessors. */
export async function provinceFamily(provinceId: string): Promise<Set<string>> {
  return new Set(storedIdsFor(successorsAsOf(await lineageEdges(), EVERY_REORGANISATION), [provinceId]))
}

/**
 * The provinces a request may read: those of the `province` parameter, within the token's
 * scope; null for every province (a national token without the parameter).
 */
export async function provincesOfRequest(
  scopeProvinceId: string | null,
  province: string | undefined,
): Promise<Set<string> | null | ApiRefusal> {
  const scope = scopeProvinceId ? await provinceFamily(scopeProvinceId) : null
  if (province === undefined) return scope
  if (scope && !scope.has(province)) return outsideScope
  const exists = await reader().adminUnit.findUnique({ where: { id: province }, select: { id: true } })
  if (!exists) return unknownUnit
  return provinceFamily(province)
}

const LEVEL_ORDER: Record<UnitLevel, number> = { province: 1, agency: 2, servicePoint: 3 }

/** A unit's place in the list: by level, then code, then id (a province code can name two units over time). */
export function unitKey(unit: Pick<ApiUnit, 'level' | 'code' | 'id'>): string {
  return `${LEVEL_ORDER[unit.level]}:${unit.code}:${unit.id}`
}

const day = (date: Date | null) => (date ? isoDate(date) : null)
const inProvinces = (provinces: Set<string> | null) => (provinces ? { provinceId: { in: [...provinces] } } : {})

/** A unit's own fields; what its level does not record (dates, closing, successors) may be left out. */
type UnitFields = Pick<ApiUnit, 'id' | 'code' | 'name' | 'kind' | 'parentId' | 'provinceId'> & {
  validFrom?: Date | null
  validTo?: Date | null
  active?: boolean
  successors?: ApiUnit['successors']
}

/** A unit of any level as the API shows it: what its level does not record is null, active or none. */
function apiUnit(level: UnitLevel, unit: UnitFields): ApiUnit {
  return {
    id: unit.id,
    level,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    provinceId: unit.provinceId,
    validFrom: day(unit.validFrom ?? null),
    validTo: day(unit.validTo ?? null),
    active: unit.active ?? true,
    successors: unit.successors ?? [],
  }
}

/** The units of `level` (every level when absent) in `provinces` (null: all), in key order. */
export async function listApiUnits(level: UnitLevel | undefined, provinces: Set<string> | null): Promise<ApiUnit[]> {
  const wants = (wanted: UnitLevel) => level === undefined || level === wanted
  const [admin, agencies, servicePoints] = await Promise.all([
    wants('province')
      ? reader().adminUnit.findMany({
          where: provinces ? { id: { in: [...provinces] } } : {},
          select: { id: true, code: true, name: true, kind: true, validFrom: true, validTo: true, successors: { select: { successorId: true, effectiveOn: true } } },
        })
      : [],
    wants('agency')
      ? reader().agency.findMany({
          where: inProvinces(provinces),
          select: { id: true, code: true, name: true, nameEn: true, kind: true, parentId: true, provinceId: true, validFrom: true, validTo: true },
        })
      : [],
    wants('servicePoint')
      ? reader().servicePoint.findMany({
          where: inProvinces(provinces),
          select: { id: true, code: true, name: true, nameEn: true, agencyId: true, provinceId: true, active: true },
        })
      : [],
  ])
  const units: ApiUnit[] = [
    ...admin.map((unit) =>
      apiUnit('province', {
        ...unit,
        // Province names are proper names, the same in both languages.
        name: { vi: unit.name, en: unit.name },
        parentId: null,
        provinceId: unit.id,
        successors: unit.successors
          .map((link) => ({ id: link.successorId, effectiveOn: isoDate(link.effectiveOn) }))
          .sort((a, b) => (a.id < b.id ? -1 : 1)),
      }),
    ),
    ...agencies.map((agency) => apiUnit('agency', { ...agency, name: { vi: agency.name, en: agency.nameEn } })),
    ...servicePoints.map((point) =>
      apiUnit('servicePoint', { ...point, name: { vi: point.name, en: point.nameEn }, kind: 'servicePoint', parentId: point.agencyId }),
    ),
  ]
  const keyed = units.map((unit) => ({ unit, key: unitKey(unit) }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return keyed.map(({ unit }) => unit)
}

/** The province a unit of `level` lies in (a province: itself); null when there is no such unit. */
export async function provinceOfUnit(level: UnitLevel, unitId: string): Promise<{ provinceId: string | null } | null> {
  switch (level) {
    case 'province': {
      const unit = await reader().adminUnit.findUnique({ where: { id: unitId }, select: { id: true } })
      return unit ? { provinceId: unit.id } : null
    }
    case 'agency':
      return reader().agency.findUnique({ where: { id: unitId }, select: { provinceId: true } })
    case 'servicePoint':
      return reader().servicePoint.findUnique({ where: { id: unitId }, select: { provinceId: true } })
  }
}
