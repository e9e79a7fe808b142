import { randomUUID } from 'node:crypto'
import { prisma } from '~/db.server'
import type { AgencyKind } from '~/generated/prisma/enums'

let serial = 0
const next = () => `${++serial}${randomUUID().slice(0, 4).toUpperCase()}`

/** A province in force since 2025-07-01 (one of the 34). */
export async function createProvince(overrides: { code?: string; name?: string } = {}) {
  const code = overrides.code ?? `P${next()}`
  return prisma.adminUnit.create({
    data: { id: randomUUID(), code, name: overrides.name ?? `Tỉnh ${code}`, kind: 'province', validFrom: new Date('2025-07-01') },
    select: { id: true, code: true, name: true },
  })
}

export async function createAgency(overrides: { provinceId?: string | null; code?: string; kind?: AgencyKind } = {}) {
  const code = overrides.code ?? `A${next()}`
  return prisma.agency.create({
    data: {
      id: randomUUID(),
      code,
      name: `Sở ${code}`,
      nameEn: `Department ${code}`,
      kind: overrides.kind ?? 'department',
      provinceId: overrides.provinceId ?? null,
    },
    select: { id: true, code: true, provinceId: true },
  })
}

export async function createServicePoint(agency: { id: string; provinceId: string | null }, overrides: { code?: string } = {}) {
  if (!agency.provinceId) throw new Error('A service point needs an agency with a province')
  const code = overrides.code ?? `SP${next()}`
  return prisma.servicePoint.create({
    data: {
      id: randomUUID(),
      code,
      name: `Bộ phận một cửa ${code}`,
      nameEn: `One-stop desk ${code}`,
      agencyId: agency.id,
      provinceId: agency.provinceId,
    },
    select: { id: true, code: true, agencyId: true, provinceId: true },
  })
}
