import type { z } from 'zod'
import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { changeAndAnnounce, onChange } from './change-notices.server'
import { createLookupCache } from './lookup-cache'

/**
 * How long a process trusts its copy of a setting. A change through `set` is announced to every
 * app server (change-notices.server.ts) and applies when the notice arrives; this is the bound
 * when a server missed it, or for a change made outside the app.
 */
const SETTING_CACHE_MS = 30_000

/**
 * One group of settings kept as one Setting row and validated by `schema` (whose defaults fill
 * what the row leaves out). Every request that needs them reads this process's copy, refreshed
 * every SETTING_CACHE_MS; a malformed stored value fails loudly.
 */
export function createSettingStore<Schema extends z.ZodType>(options: {
  key: string
  schema: Schema
  /** The audit action recorded when the settings are replaced. */
  auditAction: string
}) {
  type Value = z.output<Schema>
  const cached = createLookupCache<string, Value>({ ttlMs: SETTING_CACHE_MS })
  const topic = `setting:${options.key}`
  onChange(topic, () => cached.clear())
  const read = async (): Promise<Value> => {
    const row = await prisma.setting.findUnique({ where: { key: options.key }, select: { value: true } })
    return options.schema.parse(row?.value ?? {})
  }
  return {
    key: options.key,
    get: (now = Date.now()): Promise<Value> => cached.get(options.key, read, now),
    /** Drop this process's copy (tests that change the Setting row directly). */
    forget: () => cached.clear(),
    /** Replaces the settings (partial: the rest take their defaults) and records who did it. */
    async set(input: unknown, actorId: string): Promise<Value> {
      const settings = options.schema.parse(input)
      await changeAndAnnounce(
        topic,
        prisma.setting.upsert({
          where: { key: options.key },
          create: { key: options.key, value: settings as object },
          update: { value: settings as object },
          select: { key: true },
        }),
      )
      await recordAudit(options.auditAction, { actorId, target: `setting:${options.key}`, details: settings as object })
      return settings
    },
  }
}
