import { prisma } from '~/db.server'

/** Headline counts for the home page: provinces in force today, active service points, responses. */
export async function getPlatformStats(today = new Date()) {
  const [provinces, servicePoints, responses] = await Promise.all([
    prisma.adminUnit.count({
      where: {
        OR: [{ validFrom: null }, { validFrom: { lte: today } }],
        AND: [{ OR: [{ validTo: null }, { validTo: { gte: today } }] }],
      },
    }),
    prisma.servicePoint.count({ where: { active: true } }),
    prisma.response.count(),
  ])
  return { provinces, servicePoints, responses }
}
