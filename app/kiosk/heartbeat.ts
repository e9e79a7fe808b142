import { z } from 'zod'

/** At most this many refused answers are reported per heartbeat (a kiosk lists the latest). */
const MAX_REPORTED_REFUSALS = 200
const MAX_TEXT = 500

// PostgreSQL text refuses NUL, and a lone surrogate cannot be written as UTF-8.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !UNSTORABLE.test(value))

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value))

/** What a kiosk reports about itself (docs/decisions/019-kiosk.md). */
export const HeartbeatSchema = z.strictObject({
  appVersion: text(40),
  queueLength: z.number().int().min(0).max(1_000_000),
  oldestQueuedAt: instant.nullable(),
  lastSyncAt: instant.nullable(),
  online: z.boolean(),
  battery: z.strictObject({ level: z.number().min(0).max(1), charging: z.boolean() }).nullable(),
  refused: z
    .array(
      z.strictObject({
        responseId: z.uuid(),
        status: z.number().int().min(400).max(499),
        code: text(60),
        message: text(MAX_TEXT),
        at: instant,
      }),
    )
    .max(MAX_REPORTED_REFUSALS),
})

export type Heartbeat = z.output<typeof HeartbeatSchema>
export type HeartbeatInput = z.input<typeof HeartbeatSchema>

/** Whether a kiosk has gone quiet: never heard from, or its last heartbeat older than the limit. */
export function isSilent(lastHeartbeatAt: Date | null, silentAfterMinutes: number, now: Date): boolean {
  return lastHeartbeatAt === null || now.getTime() - lastHeartbeatAt.getTime() > silentAfterMinutes * 60 * 1000
}
