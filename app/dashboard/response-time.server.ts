import type { DateRange } from '~/aggregation/period'
import { prisma } from '~/db.server'
import { isoDate } from '~/i18n/format'
import { vietnamDay } from '~/responses/vietnam-time'
import { rankResponseTimes } from './response-time'

/**
 * Response times of the agencies of a province (or of the whole country when `provinceId` is
 * null) for the cases opened in `range`, ranked on the share answered on time (response-time.ts).
 * Provincial agencies only when a province is asked; national ones are listed with the country.
 */
export async function getResponseTimes(provinceId: string | null, range: DateRange, today: string) {
  const agencies = await prisma.agency.findMany({
    where: provinceId ? { provinceId } : {},
    select: { id: true, name: true, nameEn: true, province: { select: { name: true } } },
  })
  const cases = await prisma.feedbackCase.findMany({
    where: {
      agencyId: { in: agencies.map((agency) => agency.id) },
      openedOn: { gte: new Date(range.from), lte: new Date(range.to) },
    },
    select: { agencyId: true, openedOn: true, dueOn: true, answeredAt: true, status: true },
  })
  const ranked = rankResponseTimes(
    agencies.map((agency) => agency.id),
    cases.map((row) => ({
      agencyId: row.agencyId,
      openedOn: isoDate(row.openedOn),
      dueOn: isoDate(row.dueOn),
      answeredOn: row.answeredAt ? vietnamDay(row.answeredAt) : null,
      closed: row.status === 'closed',
    })),
    today
  )
  const names = new Map(agencies.map((agency) => [agency.id, agency]))
  // Agencies that never had a case say nothing about response times: left out of the table.
  return ranked
    .filter((line) => line.cases > 0)
    .map((line) => {
      const agency = names.get(line.key)!
      return { ...line, name: agency.name, nameEn: agency.nameEn, province: agency.province?.name ?? null }
    })
}
