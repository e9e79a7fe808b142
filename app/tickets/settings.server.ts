import { createSettingStore } from '~/db/setting-store.server'
import { type TicketSettings, TicketSettingsSchema } from './settings'

const store = createSettingStore({ key: 'tickets', schema: TicketSettingsSchema, auditAction: 'tickets.settings_changed' })

export const TICKET_SETTING_KEY = store.key

export function getTicketSettings(now = Date.now()): Promise<TicketSettings> {
  return store.get(now)
}

/** Replaces the settings (partial: the rest take their defaults) and records who did it. */
export function setTicketSettings(input: unknown, actorId: string): Promise<TicketSettings> {
  return store.set(input, actorId)
}
