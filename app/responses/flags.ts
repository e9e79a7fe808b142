import { z } from 'zod'
import { type Definition, SCALE_KINDS } from '~/questionnaire/definition'
import { itemIndex, type SubmittedAnswers } from './answers'

/*
 * Quality flags: a bitmask on each response (Response.flags, and a key column of the rollups).
 * Flagged responses are kept and counted separately; official indices leave out the flags in the
 * configured exclusion mask and report how many responses that removed. The bit values are stored
 * data: never renumber one.
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

export function isTooFast(durationSeconds: number | null, answeredItems: number, rule: QualitySettings['tooFast']): boolean {
  return durationSeconds !== null && answeredItems > 0 && durationSeconds < rule.secondsPerItem * answeredItems
}

/** `scaleAnswers`: the substantive (1–5) answers to scale items. */
export function isStraightLining(scaleAnswers: readonly number[], rule: QualitySettings['straightLining']): boolean {
  return scaleAnswers.length >= rule.minItems && scaleAnswers.every((value) => value === scaleAnswers[0])
}

/** Every substantive satisfaction answer is 5, "very satisfied". */
export function isVerySatisfied(satisfactionAnswers: readonly number[]): boolean {
  return satisfactionAnswers.length > 0 && satisfactionAnswers.every((value) => value === 5)
}

/** `minuteOfDay`: local time in minutes after midnight. */
export function isNearClosing(minuteOfDay: number, rule: QualitySettings['closingTime']): boolean {
  const [hours, mins] = rule.closesAt.split(':').map(Number) as [number, number]
  const closes = hours * 60 + mins
  return minuteOfDay >= closes - rule.minutesBefore && minuteOfDay <= closes + rule.minutesAfter
}

/** What the rules look at. Counts include the response itself; null when the check does not apply. */
export type QualityFacts = {
  honeypot: boolean
  durationSeconds: number | null
  answeredItems: number
  scaleAnswers: readonly number[]
  /** Submissions from the same kiosk within the burst window. */
  recentFromDevice: number | null
  /** Submissions at the same service point within the burst window. */
  recentAtServicePoint: number | null
  /** "Very satisfied" submissions near closing at the same service point within the closing window. */
  recentVerySatisfiedNearClosing: number | null
}

export function qualityFlags(facts: QualityFacts, settings: QualitySettings): number {
  let flags = 0
  if (facts.honeypot) flags |= QUALITY_FLAGS.HONEYPOT
  if (isTooFast(facts.durationSeconds, facts.answeredItems, settings.tooFast)) flags |= QUALITY_FLAGS.TOO_FAST
  if (isStraightLining(facts.scaleAnswers, settings.straightLining)) flags |= QUALITY_FLAGS.STRAIGHT_LINING
  if (
    (facts.recentFromDevice ?? 0) > settings.burst.maxPerDevice ||
    (facts.recentAtServicePoint ?? 0) > settings.burst.maxPerServicePoint
  ) {
    flags |= QUALITY_FLAGS.BURST
  }
  if ((facts.recentVerySatisfiedNearClosing ?? 0) > settings.closingTime.maxVerySatisfied) {
    flags |= QUALITY_FLAGS.CLOSING_TIME_BURST
  }
  return flags
}

/** What the answer-based rules need from a valid response. */
export function answerFacts(definition: Definition, answers: Readonly<SubmittedAnswers>) {
  const scaleAnswers: number[] = []
  const satisfactionAnswers: number[] = []
  let answeredItems = 0
  const { items } = itemIndex(definition)
  for (const code in answers) {
    const item = items.get(code)
    const value = answers[code]
    if (!item || value === undefined) continue
    answeredItems++
    // Substantive scale answers only: "don't know" and "not applicable" say nothing about satisfaction.
    if (typeof value !== 'number' || value < 1) continue
    if (item.kind === 'satisfaction5') {
      scaleAnswers.push(value)
      satisfactionAnswers.push(value)
    } else if (SCALE_KINDS.includes(item.kind)) scaleAnswers.push(value)
  }
  return { answeredItems, scaleAnswers, satisfactionAnswers }
}
