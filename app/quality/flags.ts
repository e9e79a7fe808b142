import { z } from 'zod'

/*
 * Quality flags: a bitmask on each response (Response.flags, and a key column of the rollups).
 * Flagged responses are kept and counted separately; official indices leave out the flags in the
 * configured exclusion mask and report how many responses that removed. The bit values are stored
 * data: never renumber one.
 *
 * What the bits mean and which of them exclude sit here, below both the write path that raises
 * them (app/responses/flags.ts) and the figures that leave them out (app/aggregation), so neither
 * imports the other (docs/architecture.md).
 */
export const QUALITY_FLAGS = {
  /** Answered faster than a person can read the items. */
  TOO_FAST: 1,
  /** The same answer on every scale item. */
  STRAIGHT_LINING: 2,
  /** Many submissions within seconds from one kiosk or at one service point. */
  BURST: 4,
  /** The hidden `website` field was filled: a form-filling robot. */
  HONEYPOT: 8,
  /** A run of "very satisfied" submissions at one counter around closing time. */
  CLOSING_TIME_BURST: 16,
} as const

/**
 * Bits of Response.flags that are not quality flags: they say where a response came from, never
 * leave it out of an index, and are not listed, counted or set by the quality rules. Kept in the
 * same bitmask so the rollups, keyed by flags, can filter on them at no cost
 * (docs/decisions/025-rating-tickets.md).
 */
export const RESPONSE_MARKS = {
  /** Given with a rating ticket: the citizen received a result here (app/tickets). */
  VERIFIED: 32,
} as const

/** Every bit a quality flag may use; marks lie outside it. */
export const QUALITY_FLAG_BITS = 31

export type QualityFlagName = keyof typeof QUALITY_FLAGS
export const QUALITY_FLAG_NAMES = Object.keys(QUALITY_FLAGS) as QualityFlagName[]

const minutes = z.number().int().min(0).max(24 * 60)

/**
 * Thresholds and the exclusion rule, stored as one Setting row (QUALITY_SETTING_KEY); anything
 * left out takes the default below.
 */
export const QualitySettingsSchema = z.object({
  tooFast: z
    .object({
      /** Fewer seconds than this per answered item is too fast (2 s: reading a short item and tapping). */
      secondsPerItem: z.number().min(0).max(60).default(2),
    })
    .prefault({}),
  straightLining: z
    .object({
      /** Only judged with at least this many substantive scale answers (1–5). */
      minItems: z.number().int().min(2).max(500).default(10),
    })
    .prefault({}),
  burst: z
    .object({
      windowSeconds: z.number().int().min(1).max(3600).default(60),
      /** One kiosk serves one person at a time; a whole questionnaire takes minutes. */
      maxPerDevice: z.number().int().min(1).default(3),
      /** Every channel at one service point (a large centre gets several QR answers a minute). */
      maxPerServicePoint: z.number().int().min(1).default(30),
    })
    .prefault({}),
  closingTime: z
    .object({
      /** Local time (Asia/Ho_Chi_Minh) the counters close. */
      closesAt: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
        .default('17:00'),
      minutesBefore: minutes.default(30),
      minutesAfter: minutes.default(30),
      windowSeconds: z.number().int().min(1).max(3600).default(600),
      /** "Very satisfied" submissions allowed at one service point within the window near closing. */
      maxVerySatisfied: z.number().int().min(1).default(4),
    })
    .prefault({}),
  /** Flags that leave a response out of official indices. */
  excluded: z.array(z.enum(QUALITY_FLAG_NAMES as [QualityFlagName, ...QualityFlagName[]])).default([...QUALITY_FLAG_NAMES]),
})

export type QualitySettings = z.infer<typeof QualitySettingsSchema>
export const DEFAULT_QUALITY_SETTINGS: QualitySettings = QualitySettingsSchema.parse({})

/** The bitmask of some flags. */
export function flagMask(names: readonly QualityFlagName[]): number {
  return names.reduce((mask, name) => mask | QUALITY_FLAGS[name], 0)
}

/** The names of the flags set in `flags`. */
export function flagNames(flags: number): QualityFlagName[] {
  return QUALITY_FLAG_NAMES.filter((name) => (flags & QUALITY_FLAGS[name]) !== 0)
}

/** Official indices leave out a response (or a rollup cell) when this holds; in SQL: `flags & mask <> 0`. */
export function isExcluded(flags: number, exclusionMask: number): boolean {
  return (flags & exclusionMask) !== 0
}

export function exclusionMaskOf(settings: QualitySettings): number {
  return flagMask(settings.excluded)
}
