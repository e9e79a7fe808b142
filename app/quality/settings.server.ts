import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { createLookupCache } from '~/db/lookup-cache'
import { exclusionMaskOf, type QualitySettings, QualitySettingsSchema } from './flags'

/*
 * The quality settings (one Setting row): the thresholds the submission checks use
 * (app/responses/quality.server.ts) and the exclusion rule the figures apply (app/aggregation).
 * Each process keeps a copy for a while, as every submission and every figure read needs them.
 */
export const QUALITY_SETTING_KEY = 'quality.flags'
/** How long a process trusts its copy of the settings; a change made elsewhere applies within this. */
const SETTINGS_CACHE_MS = 30_000

const cachedSettings = createLookupCache<typeof QUALITY_SETTING_KEY, QualitySettings>({ ttlMs: SETTINGS_CACHE_MS })

/** The flag thresholds and exclusion rule; a malformed stored value fails loudly. */
export function getQualitySettings(now = Date.now()): Promise<QualitySettings> {
  return cachedSettings.get(QUALITY_SETTING_KEY, readSettings, now)
}

async function readSettings(): Promise<QualitySettings> {
  const row = await prisma.setting.findUnique({ where: { key: QUALITY_SETTING_KEY }, select: { value: true } })
  return QualitySettingsSchema.parse(row?.value ?? {})
}

/** Drop this process's copy of the settings (tests that change the Setting row directly). */
export function forgetQualitySettings() {
  cachedSettings.clear()
}

/** Replaces the settings (partial: the rest take their defaults) and records who did it. */
export async function setQualitySettings(input: unknown, actorId: string): Promise<QualitySettings> {
  const settings = QualitySettingsSchema.parse(input)
  await prisma.setting.upsert({
    where: { key: QUALITY_SETTING_KEY },
    create: { key: QUALITY_SETTING_KEY, value: settings },
    update: { value: settings },
    select: { key: true },
  })
  cachedSettings.clear()
  await recordAudit('quality.settings_changed', { actorId, target: `setting:${QUALITY_SETTING_KEY}`, details: settings })
  return settings
}

/**
 * The flags that leave a response out of official indices, as a bitmask: aggregation keeps a
 * rollup cell when `flags & mask = 0` and reports the responses it left out.
 */
export async function exclusionMask(): Promise<number> {
  return exclusionMaskOf(await getQualitySettings())
}
