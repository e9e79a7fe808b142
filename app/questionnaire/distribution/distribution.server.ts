import { prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'

/** Service points with what their posters need, for a province's distribution page. */
export function listServicePointLinks(where: Prisma.ServicePointWhereInput) {
  return prisma.servicePoint.findMany({
    where: { AND: [where, { active: true }] },
    orderBy: { code: 'asc' },
    take: 5000,
    select: { id: true, code: true, name: true, nameEn: true, agency: { select: { name: true, nameEn: true } } },
  })
}

export function getServicePointByCode(code: string) {
  return prisma.servicePoint.findUnique({
    where: { code },
    select: { id: true, code: true, name: true, nameEn: true, agencyId: true, provinceId: true },
  })
}
