import { prisma } from '~/db.server'

/** What the account page shows about the signed-in user. */
export function getAccount(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      role: true,
      province: { select: { name: true } },
      agency: { select: { name: true, nameEn: true } },
      assignments: { select: { servicePoint: { select: { code: true, name: true, nameEn: true } } } },
      _count: { select: { sessions: true } },
    },
  })
}
