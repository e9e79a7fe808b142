import { createSettingStore } from '~/db/setting-store.server'
import { exclusionMaskOf, type QualitySettings, QualitySettingsSchema } from './flags'

/*
 * The quality settings (one Setting row): the thresholds the submission checks use
 * (app/responses/quality.server.ts) and the exclusion rule the figures apply (app/aggregation).
 * Each process keeps a copy for a while, as every submission and every figure read needs them.
 */
const store = createSettingStore({ key: 'quality.flags', schema: QualitySettingsSchema, auditAction: 'quality.settings_changed' })

export const QUALITY_SETTING_KEY = store.key

/** The flag thresholds and exclusion rule; a malformed stored value fails loudly. */
export function getQualitySettings(now = Date.now()): Promise<QualitySettings> {
  return store.get(now)
}

/** Drop this process's copy of the settings (tests that change the Setting row directly). */
export function forgetQualitySettings() {
  store.forget()
}

/** Replaces the settings (partial: the rest take their defaults) and records who did it. */
export function setQualitySettings(input: unknown, actorId: string): Promise<QualitySettings> {
  return store.set(input, actorId)
}

/**
 * The flags that leave a response out of official indices, as a bitmask: aggregation keeps a
 * rollup cell when `flags & mask = 0` and reports the responses it left out.
 */
export async function exclusionMask(): Promise<number> {
  return exclusionMaskOf(await getQualitySettings())
}
