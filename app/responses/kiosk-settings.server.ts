import { createSettingStore } from '~/db/setting-store.server'
import { type KioskSettings, KioskSettingsSchema } from './kiosk-settings'

const store = createSettingStore({ key: 'kiosk.settings', schema: KioskSettingsSchema, auditAction: 'kiosk.settings_changed' })

/** Read on every kiosk submission and config. */
export function getKioskSettings(now = Date.now()): Promise<KioskSettings> {
  return store.get(now)
}

export function setKioskSettings(input: unknown, actorId: string): Promise<KioskSettings> {
  return store.set(input, actorId)
}
