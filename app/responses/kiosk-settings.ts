import { z } from 'zod'

/**
 * How kiosks behave, stored as one Setting row (KIOSK_SETTING_KEY); anything left out takes the
 * default below (docs/decisions/019-kiosk.md).
 */
export const KioskSettingsSchema = z.object({
  /** A kiosk does not start a new response until this long after the last one was completed. */
  minIntervalSeconds: z.number().int().min(0).max(600).default(20),
  /** An answer to a superseded version is still taken this many days after its campaign asked it. */
  versionGraceDays: z.number().int().min(0).max(31).default(7),
  /** The administration page flags a kiosk whose last heartbeat is older than this. */
  silentAfterMinutes: z.number().int().min(5).max(7 * 24 * 60).default(30),
  /** How often a kiosk reports its state. */
  heartbeatSeconds: z.number().int().min(30).max(3600).default(300),
})

export type KioskSettings = z.infer<typeof KioskSettingsSchema>
