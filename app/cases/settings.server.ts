import { createSettingStore } from '~/db/setting-store.server'
import { type CaseSettings, CaseSettingsSchema } from './settings'

const store = createSettingStore({ key: 'cases', schema: CaseSettingsSchema, auditAction: 'cases.settings_changed' })

export const CASE_SETTING_KEY = store.key

export function getCaseSettings(now = Date.now()): Promise<CaseSettings> {
  return store.get(now)
}

/** Replaces the settings (partial: the rest take their defaults) and records who did it. */
export function setCaseSettings(input: unknown, actorId: string): Promise<CaseSettings> {
  return store.set(input, actorId)
}
