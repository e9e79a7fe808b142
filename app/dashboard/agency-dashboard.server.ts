import { readFigures } from '~/aggregation/figure-reads.server'
import { monthlyTrend, nationalFigures, unitFigures } from '~/aggregation/figures.server'
import type { Period } from '~/aggregation/period'
import type { UnitFigureRow } from '~/aggregation/figures.server'
import { getVersionCatalog } from '~/aggregation/versions.server'
import { prisma } from '~/db.server'
import { reader } from '~/db/replica.server'
import type { Prisma } from '~/generated/prisma/client'
import { isoDate } from '~/i18n/format'
import { type Item, allItems } from '~/questionnaire/definition'
import { unitSummarySelect } from '~/units/unit-select'

/*
 * What an agency's own dashboard shows for a period: its SIPAS with the element and item
 * breakdown and intervals, the monthly trend, the province and the nation for comparison, and
 * its service points. Figures under the minimum n are shown but marked: the dashboard is for the
 * agency's staff, not a public ranking.
 */

/** The trend covers this many months, ending with the period's last month. */
const TREND_MONTHS = 12

export async function getAgency(agencyId: string) {
  return prisma.agency.findUnique({
    where: { id: agencyId },
    select: { ...unitSummarySelect, kind: true, province: { select: { id: true, name: true, validFrom: true } } },
  })
}

export type Figure = { value: number | null; low: number | null; high: number | null; n: number; suppressed: boolean }

export type ItemRow = Figure & { code: string; text: { vi: string; en: string }; general: boolean }
export type ElementRow = Figure & { code: string; name: { vi: string; en: string }; province: number | null; national: number | null; items: ItemRow[] }

export async function getAgencyFigures(
  agency: { id: string; province: { id: string; validFrom: Date | null } | null },
  period: Period,
  minN: number,
) {
  // A province formed by a merger is compared over its predecessors' answers before it existed.
  const provinceStart = agency.province?.validFrom ? isoDate(agency.province.validFrom) : null
  const provinceAsOf = provinceStart && provinceStart > period.to ? provinceStart : undefined
  // One read-only unit: one fold and one wait for the replica (docs/decisions/024-read-replica.md).
  const [own, province, national] = await readFigures(() =>
    Promise.all([
      unitFigures({ period, level: 'agency', ids: [agency.id] }, { minN }),
      agency.province
        ? unitFigures({ period, level: 'province', ids: [agency.province.id], asOf: provinceAsOf }, { minN })
        : Promise.resolve([] as UnitFigureRow[]),
      nationalFigures({ period }, { minN }),
    ]),
  )
  const row = own[0]
  if (!row) return null
  const catalog = await getVersionCatalog([row.versionId])
  const definition = catalog.versions.get(row.versionId)!.definition
  const { methodology } = definition
  const itemsByCode = new Map<string, Item>(allItems(definition).map((item) => [item.code, item]))
  const provinceRow = province.find((candidate) => candidate.methodologyCode === row.methodologyCode)
  const sameSeriesNationally = national.methodologyCode === row.methodologyCode
  const intervals = row.figures.intervals.elements
  const interval = row.figures.intervals.sipas
  const { figures } = row

  const elements: ElementRow[] = methodology.elements.map((element) => {
    const codes = [...(element.generalItem ? [element.generalItem] : []), ...element.items.filter((code) => code !== element.generalItem)]
    return {
      code: element.code,
      name: element.name as { vi: string; en: string },
      value: figures.elements[element.code] ?? null,
      low: intervals[element.code]?.low ?? null,
      high: intervals[element.code]?.high ?? null,
      n: figures.n,
      suppressed: figures.suppressed,
      province: provinceRow?.figures.elements[element.code] ?? null,
      national: sameSeriesNationally ? (national.national.elements[element.code] ?? null) : null,
      items: codes.flatMap((code): ItemRow[] => {
        const rate = figures.items[code]
        const item = itemsByCode.get(code)
        if (!rate || !item) return []
        return [
          {
            code,
            text: item.text,
            general: code === element.generalItem,
            value: rate.rate,
            low: rate.low,
            high: rate.high,
            n: rate.n,
            suppressed: rate.suppressed,
          },
        ]
      }),
    }
  })

  return {
    methodologyCode: row.methodologyCode,
    excluded: row.excluded,
    /** Verified respondents among the SIPAS n. */
    verified: row.verified,
    sipas: { value: figures.sipas, low: interval?.low ?? null, high: interval?.high ?? null, n: figures.n, suppressed: figures.suppressed },
    province: provinceRow ? { value: provinceRow.figures.sipas, n: provinceRow.figures.n, proForma: provinceAsOf !== undefined } : null,
    national: sameSeriesNationally ? national.national.sipas : null,
    elements,
  }
}

/** The agency's SIPAS per month over the TREND_MONTHS months ending with the period. */
export async function getAgencyTrend(agencyId: string, period: Period, minN: number) {
  const end = period.to
  const start = isoDate(new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)) - TREND_MONTHS, 1)))
  const points = await monthlyTrend({ level: 'agency', unitId: agencyId, from: start, to: end }, { minN })
  // One point per month: the dominant series when a month was answered in two.
  const seen = new Set<string>()
  return points.filter((point) => !seen.has(point.month) && seen.add(point.month))
}

/** The agency's service points with their SIPAS in the period (those without answers too). */
export async function getServicePointFigures(agencyId: string, period: Period, minN: number) {
  const [servicePoints, rows] = await readFigures(() =>
    Promise.all([
      reader().servicePoint.findMany({
        where: { agencyId },
        select: { id: true, code: true, name: true, nameEn: true, active: true },
        orderBy: { code: 'asc' },
      }),
      unitFigures({ period, level: 'servicePoint', parentId: agencyId }, { minN }),
    ]),
  )
  return servicePoints.map((servicePoint) => {
    const row = rows.find((candidate) => candidate.unitId === servicePoint.id)
    const interval = row?.figures.intervals.sipas ?? null
    return {
      ...servicePoint,
      sipas: row?.figures.sipas ?? null,
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      n: row?.figures.n ?? 0,
      suppressed: row?.figures.suppressed ?? true,
    }
  })
}

/** Agencies a user may open a dashboard for, optionally in one province, by province and code. */
export function listDashboardAgencies(scope: Prisma.AgencyWhereInput, provinceId: string | null) {
  return prisma.agency.findMany({
    where: { AND: [scope, provinceId ? { provinceId } : {}] },
    select: { id: true, code: true, name: true, nameEn: true, kind: true, province: { select: { name: true } } },
    orderBy: [{ provinceId: 'asc' }, { code: 'asc' }],
  })
}
