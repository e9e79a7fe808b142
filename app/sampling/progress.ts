import type { Channel } from '~/generated/prisma/enums'
import { type ConfidenceLevel, targetSize } from './sample-size'

/*
 * A campaign's collection progress: what each service point has collected against its target, by
 * channel, rolled up to agencies and provinces, and where it is heading. Pure: the counts come
 * from progress.server.ts. The projection and its limits: docs/decisions/028-sampling-plans.md.
 */

export const CHANNELS: readonly Channel[] = ['kiosk', 'phone', 'paper', 'web']

export type CampaignDays = {
  /** 'YYYY-MM-DD', inclusive. */
  startsOn: string
  endsOn: string
  /** Today in Vietnam, 'YYYY-MM-DD'. */
  today: string
}

export type PlannedServicePoint = {
  id: string
  code: string
  name: string
  agency: { id: string; name: string }
  province: { id: string; name: string }
  /** Null when the campaign has no plan for it yet. */
  plan: { populationN: number; marginOfError: number; confidence: ConfidenceLevel } | null
}

/** Responses that count, of one service point, channel and day. */
export type DailyCount = { servicePointId: string; channel: Channel; day: string; n: number }

/**
 * - notStarted: the campaign has not begun (no rate to project);
 * - met: the target is reached;
 * - onTrack: at the rate so far the target is reached by the last day;
 * - atRisk: at the rate so far it is not (flagged); after the last day, missed;
 * - noPlan: no target to compare with.
 */
export type ProgressStatus = 'notStarted' | 'met' | 'onTrack' | 'atRisk' | 'noPlan'

export type ProgressFigures = {
  /** Sum of the targets of the planned service points under the unit; null when none is planned. */
  target: number | null
  collected: number
  byChannel: Record<Channel, number>
  /** Collected so far plus the daily rate so far times the days left (unrounded). */
  projected: number
  status: ProgressStatus
}

export type ProgressRow = ProgressFigures & {
  level: 'servicePoint' | 'agency' | 'province'
  id: string
  code: string | null
  name: string
  /** The agency and province a service point (or an agency) is in, for the table and the exports. */
  agencyName: string | null
  provinceName: string
  /** Service points under the unit with a plan, and how many of them are at risk. */
  planned: number
  atRisk: number
}

export type CampaignProgress = {
  elapsedDays: number
  daysLeft: number
  totalDays: number
  servicePoints: ProgressRow[]
  agencies: ProgressRow[]
  provinces: ProgressRow[]
  total: ProgressFigures & { planned: number; atRisk: number }
  /** Every campaign day, with the responses collected by the end of it (null after today). */
  cumulative: { day: string; collected: number | null }[]
}

const DAY_MS = 86_400_000
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS
const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10)

/** Days of the campaign gone by (today included), days still to come, and the campaign's length. */
export function campaignClock({ startsOn, endsOn, today }: CampaignDays) {
  const [start, end, now] = [dayNumber(startsOn), dayNumber(endsOn), dayNumber(today)]
  const totalDays = end - start + 1
  const elapsedDays = Math.min(totalDays, Math.max(0, now - start + 1))
  return { totalDays, elapsedDays, daysLeft: totalDays - elapsedDays }
}

/** Collected so far plus the daily rate so far (collected / days gone by) times the days left. */
export function projectedCount(collected: number, elapsedDays: number, daysLeft: number): number {
  if (elapsedDays <= 0) return collected
  return collected + (collected / elapsedDays) * daysLeft
}

export function progressStatus(target: number | null, collected: number, projected: number, elapsedDays: number): ProgressStatus {
  if (target === null) return 'noPlan'
  if (collected >= target) return 'met'
  if (elapsedDays <= 0) return 'notStarted'
  // A small tolerance keeps a projection landing exactly on the target (in floating point) on track.
  return projected + 1e-9 >= target ? 'onTrack' : 'atRisk'
}

const noChannels = (): Record<Channel, number> => ({ kiosk: 0, phone: 0, paper: 0, web: 0 })

export function campaignProgress(days: CampaignDays, points: readonly PlannedServicePoint[], counts: readonly DailyCount[]): CampaignProgress {
  const clock = campaignClock(days)
  const figuresOf = (target: number | null, byChannel: Record<Channel, number>): ProgressFigures => {
    const collected = CHANNELS.reduce((sum, channel) => sum + byChannel[channel], 0)
    const projected = projectedCount(collected, clock.elapsedDays, clock.daysLeft)
    return { target, collected, byChannel, projected, status: progressStatus(target, collected, projected, clock.elapsedDays) }
  }

  const channelsOf = new Map<string, Record<Channel, number>>()
  const byDay = new Map<string, number>()
  for (const count of counts) {
    if (count.day < days.startsOn || count.day > days.endsOn) continue
    const channels = channelsOf.get(count.servicePointId) ?? noChannels()
    channels[count.channel] += count.n
    channelsOf.set(count.servicePointId, channels)
    byDay.set(count.day, (byDay.get(count.day) ?? 0) + count.n)
  }

  const servicePoints: ProgressRow[] = points.map((point) => {
    const target = point.plan ? targetSize(point.plan.populationN, point.plan.marginOfError) : null
    const figures = figuresOf(target, channelsOf.get(point.id) ?? noChannels())
    return {
      ...figures,
      level: 'servicePoint',
      id: point.id,
      code: point.code,
      name: point.name,
      agencyName: point.agency.name,
      provinceName: point.province.name,
      planned: point.plan ? 1 : 0,
      atRisk: figures.status === 'atRisk' ? 1 : 0,
    }
  })

  const rollUp = (rows: readonly ProgressRow[]) => {
    const byChannel = noChannels()
    for (const row of rows) for (const channel of CHANNELS) byChannel[channel] += row.byChannel[channel]
    const planned = rows.filter((row) => row.target !== null)
    const target = planned.length ? planned.reduce((sum, row) => sum + row.target!, 0) : null
    return { ...figuresOf(target, byChannel), planned: planned.length, atRisk: rows.filter((row) => row.status === 'atRisk').length }
  }
  /** The service points' rows grouped by a unit, with one of its points to name it. */
  const groups = (key: (point: PlannedServicePoint) => string) => {
    const members = new Map<string, { point: PlannedServicePoint; rows: ProgressRow[] }>()
    points.forEach((point, index) => {
      const group = members.get(key(point)) ?? { point, rows: [] }
      group.rows.push(servicePoints[index]!)
      members.set(key(point), group)
    })
    return [...members]
  }
  const agencies: ProgressRow[] = groups((point) => point.agency.id).map(([id, { point, rows }]) => ({
    ...rollUp(rows),
    level: 'agency', id, code: null, name: point.agency.name, agencyName: null, provinceName: point.province.name,
  }))
  const provinces: ProgressRow[] = groups((point) => point.province.id).map(([id, { point, rows }]) => ({
    ...rollUp(rows),
    level: 'province', id, code: null, name: point.province.name, agencyName: null, provinceName: point.province.name,
  }))

  let running = 0
  const cumulative = Array.from({ length: clock.totalDays }, (_, index) => {
    const day = dayText(dayNumber(days.startsOn) + index)
    running += byDay.get(day) ?? 0
    return { day, collected: index < clock.elapsedDays ? running : null }
  })

  return { ...clock, servicePoints, agencies, provinces, total: rollUp(servicePoints), cumulative }
}

/**
 * Which campaign days a chart and its table show: every day of a short campaign; of a long one,
 * every `step`-th day so about `max` remain, always with today and the last day (the series'
 * turning points). Indices into `cumulative`, ascending.
 */
export function chartDayIndices(totalDays: number, elapsedDays: number, max = 60): number[] {
  const step = Math.max(1, Math.ceil(totalDays / max))
  const chosen = new Set<number>()
  for (let index = step - 1; index < totalDays; index += step) chosen.add(index)
  if (elapsedDays > 0) chosen.add(elapsedDays - 1)
  chosen.add(totalDays - 1)
  return [...chosen].sort((a, b) => a - b)
}
