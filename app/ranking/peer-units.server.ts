import { prisma } from '~/db.server'
import { reader } from '~/db/replica.server'
import { provinceSummarySelect, unitSummarySelect } from '~/units/unit-select'
import type { Prisma } from '~/generated/prisma/client'
import type { PeerGroup } from './indices'

/** A unit as a ranking lists it. AdminUnit names are proper names, the same in both languages. */
export type PeerUnit = { id: string; code: string; name: string; nameEn: string }

/** The last day of a year: who is in a peer group "in 2025" is who exists on 31 December. */
export function yearEnd(year: number): Date {
  return new Date(Date.UTC(year, 11, 31))
}

const inForce = (day: Date) => ({
  AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ validTo: null }, { validTo: { gte: day } }] }],
})

const provinceSelect = provinceSummarySelect satisfies Prisma.AdminUnitSelect
const agencySelect = unitSummarySelect satisfies Prisma.AgencySelect

/**
 * The units of a peer group in a year, by code. Provinces are those in force on 31 December
 * (2024: the 63; 2025 onwards: the 34). Departments, communes and service points are those of
 * one province as it is organised today: agencies keep their id across the merger, so their
 * earlier answers still count for them.
 */
export async function listPeerUnits(peerGroup: PeerGroup, year: number, provinceId: string | null): Promise<PeerUnit[]> {
  const day = yearEnd(year)
  switch (peerGroup) {
    case 'provinces': {
      const units = await reader().adminUnit.findMany({ where: inForce(day), select: provinceSelect, orderBy: { code: 'asc' } })
      return units.map((unit) => ({ ...unit, nameEn: unit.name }))
    }
    case 'ministries':
      return reader().agency.findMany({ where: { kind: 'ministry', ...inForce(day) }, select: agencySelect, orderBy: { code: 'asc' } })
    case 'departments':
    case 'communes':
      if (!provinceId) return []
      return reader().agency.findMany({
        where: { kind: peerGroup === 'departments' ? 'department' : 'commune', provinceId, ...inForce(day) },
        select: agencySelect,
        orderBy: { code: 'asc' },
      })
    case 'servicePoints':
      if (!provinceId) return []
      return reader().servicePoint.findMany({ where: { provinceId }, select: agencySelect, orderBy: { code: 'asc' } })
  }
}

/** Provinces in force today, for the province picker of inner peer groups. */
export function listCurrentProvinces(today = new Date()) {
  return prisma.adminUnit.findMany({ where: inForce(today), select: provinceSelect, orderBy: { code: 'asc' } })
}

/** Lineage links that took effect during `year` (the 2025 merger for 2025). */
export async function lineageDuring(year: number) {
  return reader().unitLineage.findMany({
    where: { effectiveOn: { gt: yearEnd(year - 1), lte: yearEnd(year) } },
    select: { predecessorId: true, successorId: true },
  })
}
