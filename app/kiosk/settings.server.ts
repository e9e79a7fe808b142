import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { createLookupCache } from '~/db/lookup-cache'
import { type KioskSettings, KioskSettingsSchema } from './settings'

export const KIOSK_SETTING_KEY = 'kiosk.settings'
/** Read on every kiosk submission: a change made elsewhere applies within this. */
const SETTINGS_CACHE_MS = 30_000
const cached = createLookupCache<typeof KIOSK_SETTING_KEY, KioskSettings>({ ttlMs: SETTINGS_CACHE_MS })

export function getKioskSettings(now = Date.now()): Promise<KioskSettings> {
  return cached.get(KIOSK_SETTING_KEY, readSettings, now)
}

async function readSettings(): Promise<KioskSettings> {
  const row = await prisma.setting.findUnique({ where: { key: KIOSK_SETTING_KEY }, select: { value: true } })
  return KioskSettingsSchema.parse(row?.value ?? {})
}

/** Replaces the settings (partial: the rest take their defaults) and records who did it. */
export async function setKioskSettings(input: unknown, actorId: string): Promise<KioskSettings> {
  const settings = KioskSettingsSchema.parse(input)
  await prisma.setting.upsert({
    where: { key: KIOSK_SETTING_KEY },
    create: { key: KIOSK_SETTING_KEY, value: settings },
    update: { value: settings },
    select: { key: true },
  })
  cached.clear()
  await recordAudit('kiosk.settings_changed', { actorId, target: `setting:${KIOSK_SETTING_KEY}`, details: settings })
  return settings
}
