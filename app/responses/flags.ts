import { QUALITY_FLAGS, type QualitySettings } from '~/quality/flags'
import { type Definition, SCALE_KINDS } from '~/questionnaire/definition'
import { itemIndex, type SubmittedAnswers } from './answers'

/*
 * The rules that raise quality flags on a submission (thresholds from the quality settings); the
 * bits, the settings and the exclusion rule: app/quality/flags.ts.
 */

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
