import { z } from 'zod'
import { KioskSettingsSchema } from '~/responses/kiosk-settings'

/*
 * The forms of the kiosk administration page (messages are `admin` keys). The PIN is what staff
 * type on the kiosk to leave the survey; digits only, so the kiosk's number pad is enough.
 */
const pin = z.string().regex(/^\d{4,8}$/, { error: 'kiosks.errors.pin' })

export const NewKioskSchema = z.object({
  name: z.string().trim().min(1, { error: 'kiosks.errors.name' }).max(100, { error: 'kiosks.errors.name' }),
  servicePointCode: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, { error: 'kiosks.errors.servicePointCode' })
    .max(40, { error: 'kiosks.errors.servicePointCode' }),
  pin,
})

export const ReissueSchema = z.object({ kioskId: z.uuid({ error: 'kiosks.errors.kiosk' }), pin })

const whole = (key: string) => z.coerce.number({ error: key }).int({ error: key })

/** The settings form: each field within the bounds of KioskSettingsSchema. */
export const KioskSettingsFormSchema = z
  .object({
    minIntervalSeconds: whole('kiosks.errors.minIntervalSeconds'),
    versionGraceDays: whole('kiosks.errors.versionGraceDays'),
    silentAfterMinutes: whole('kiosks.errors.silentAfterMinutes'),
    heartbeatSeconds: whole('kiosks.errors.heartbeatSeconds'),
  })
  .superRefine((value, ctx) => {
    const parsed = KioskSettingsSchema.safeParse(value)
    if (parsed.success) return
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: `kiosks.errors.${String(issue.path[0])}` })
    }
  })
