import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import type { GroupThreshold } from './groups'
import type { IndexCode } from './indices'
import {
  DEFAULT_GROUPS,
  formatGroupsText,
  GroupThresholdsSchema,
  groupsSettingKey,
  SipasPointsSchema,
  sipasPointsSettingKey,
} from './ranking-settings'

const settingSelect = { key: true, value: true } as const

/** The most specific setting present among `keys`, or undefined. */
async function firstSetting(keys: string[]): Promise<unknown> {
  const rows = await prisma.setting.findMany({ where: { key: { in: keys } }, select: settingSelect })
  for (const key of keys) {
    const row = rows.find((candidate) => candidate.key === key)
    if (row) return row.value
  }
  return undefined
}

/**
 * Grade bands for an index and year: the year's own, else the index's, else the default.
 * A malformed setting fails loudly instead of silently grading on other cut-offs.
 */
export async function getGroupThresholds(index: IndexCode, year: number): Promise<GroupThreshold[]> {
  const value = await firstSetting([groupsSettingKey(index, year), groupsSettingKey(index)])
  return value === undefined ? DEFAULT_GROUPS[index] : GroupThresholdsSchema.parse(value)
}

export async function setGroupThresholds(
  index: IndexCode,
  year: number,
  bands: readonly GroupThreshold[],
  actorId: string,
): Promise<void> {
  const value = GroupThresholdsSchema.parse(bands)
  const key = groupsSettingKey(index, year)
  await prisma.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value }, select: { key: true } })
    await recordAudit('ranking.groups_changed', { actorId, target: `setting:${key}`, details: { bands: value } }, tx)
  })
}

/** Maximum points of PAR INDEX's citizen-satisfaction criterion in a year; null when unset. */
export async function getSipasCriterionPoints(year: number): Promise<number | null> {
  const value = await firstSetting([sipasPointsSettingKey(year), sipasPointsSettingKey()])
  return value === undefined ? null : SipasPointsSchema.parse(value)
}

export async function setSipasCriterionPoints(year: number, points: number, actorId: string): Promise<void> {
  const value = SipasPointsSchema.parse(points)
  const key = sipasPointsSettingKey(year)
  await prisma.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value }, select: { key: true } })
    await recordAudit('ranking.sipas_points_changed', { actorId, target: `setting:${key}`, details: { points: value } }, tx)
  })
}

export type RankingSettingRow =
  | { kind: 'groups'; key: string; index: string; year: number | null; bands: string }
  | { kind: 'points'; key: string; year: number | null; points: number }

/** Every configured band and criterion setting, for the administration page. */
export async function listRankingSettings(): Promise<RankingSettingRow[]> {
  const rows = await prisma.setting.findMany({
    where: { OR: [{ key: { startsWith: 'ranking.groups.' } }, { key: { startsWith: 'parIndex.sipasPoints' } }] },
    select: { key: true, value: true },
    orderBy: { key: 'asc' },
  })
  return rows.map((row): RankingSettingRow => {
    const parts = row.key.split('.')
    if (parts[0] === 'ranking') {
      const year = parts[3] === undefined ? null : Number(parts[3])
      return { kind: 'groups', key: row.key, index: parts[2] ?? '', year, bands: formatGroupsText(GroupThresholdsSchema.parse(row.value)) }
    }
    return { kind: 'points', key: row.key, year: parts[2] === undefined ? null : Number(parts[2]), points: SipasPointsSchema.parse(row.value) }
  })
}
