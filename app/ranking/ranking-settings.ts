import { z } from 'zod'
import type { GroupThreshold } from './groups'
import type { IndexCode } from './indices'

/*
 * Ranking configuration kept in Setting rows, as data: bands differ by index and year, and the
 * points are not confirmed (docs/decisions/008-rankings.md). Keys, most specific first:
 *   ranking.groups.<INDEX>.<year>   → [{ group, min }, …]
 *   ranking.groups.<INDEX>          → the same, for every year without its own
 *   parIndex.sipasPoints.<year>     → the maximum points of PAR INDEX's satisfaction criterion
 *   parIndex.sipasPoints            → the same, for every year without its own
 */

export const groupsSettingKey = (index: IndexCode, year?: number) =>
  year === undefined ? `ranking.groups.${index}` : `ranking.groups.${index}.${year}`
export const sipasPointsSettingKey = (year?: number) =>
  year === undefined ? 'parIndex.sipasPoints' : `parIndex.sipasPoints.${year}`

/**
 * Bands used when nothing is configured: A ≥ 90, B 80 to < 90, C 70 to < 80, D below (the
 * PAR INDEX 2024 cut-offs, extended downwards). PAPI, PCI and DDCI publish no such bands and
 * their scales differ, so they get none unless configured.
 */
export const DEFAULT_GROUPS: Record<IndexCode, GroupThreshold[]> = {
  SIPAS: [
    { group: 'A', min: 90 },
    { group: 'B', min: 80 },
    { group: 'C', min: 70 },
    { group: 'D', min: 0 },
  ],
  PAR_INDEX: [
    { group: 'A', min: 90 },
    { group: 'B', min: 80 },
    { group: 'C', min: 70 },
    { group: 'D', min: 0 },
  ],
  PAPI: [],
  PCI: [],
  DDCI: [],
}

export const GroupThresholdsSchema = z
  .array(z.object({ group: z.string().trim().min(1).max(8), min: z.number().min(0).max(100) }))
  .max(10)
  .refine((bands) => new Set(bands.map((band) => band.group)).size === bands.length, 'admin.errors.groupsDuplicate')
  .refine((bands) => new Set(bands.map((band) => band.min)).size === bands.length, 'admin.errors.groupsDuplicate')

/** Points are a share of PAR INDEX's 100; one criterion can't be worth more than that. */
export const SipasPointsSchema = z.number().gt(0).max(100)

/**
 * Reads bands typed as "A:90, B:80, C:70, D:0" (the admin form); null when malformed. An empty
 * text means "no bands".
 */
export function parseGroupsText(text: string): GroupThreshold[] | null {
  const parts = text
    // A comma followed by a digit is a decimal comma (87,5), not a separator.
    .split(/[;\n]|,(?=\s*[^\d\s])/)
    .map((part) => part.trim())
    .filter(Boolean)
  const bands: GroupThreshold[] = []
  for (const part of parts) {
    const match = /^([^:=\s]+)\s*[:=]\s*(\d+(?:[.,]\d+)?)$/.exec(part)
    if (!match) return null
    bands.push({ group: match[1]!, min: Number(match[2]!.replace(',', '.')) })
  }
  const parsed = GroupThresholdsSchema.safeParse(bands)
  return parsed.success ? [...parsed.data].sort((a, b) => b.min - a.min) : null
}

/** The inverse of parseGroupsText, for the form's default value. */
export function formatGroupsText(bands: readonly GroupThreshold[]): string {
  return bands.map((band) => `${band.group}:${band.min}`).join(', ')
}
