import type { Channel } from '~/generated/prisma/enums'
import { QUALITY_FLAGS, type QualitySettings } from '~/quality/flags'
import { isNearClosing, isVerySatisfied, qualityFlags } from './flags'
import { createRecentEvents } from './recent-events'
import { vietnamMinuteOfDay } from './vietnam-time'

/*
 * Quality flags at submission time. The rules are pure (flags.ts), their configuration is the
 * quality settings (app/quality/settings.server.ts); this module keeps the recent submissions per
 * kiosk and service point in memory (recent-events.ts explains why memory is enough).
 *
 * Exact time: a response keeps `submittedAt` only when a time-based flag (too fast, burst,
 * closing-time burst) was raised, as the evidence a reviewer needs; every other response keeps
 * only its day. The checks themselves read the in-memory window, not the database. Retention
 * clears submittedAt after 90 days (retention.server.ts).
 */
/**
 * A response started longer ago than this was answered offline and is arriving from a kiosk's
 * backlog: its arrival time says nothing about how it was answered, so the burst checks skip it.
 */
export const OFFLINE_AFTER_MS = 60 * 60 * 1000
/** Clock differences between a device and the server tolerated in `startedAt`. */
const CLOCK_SKEW_MS = 60 * 1000
/** Longest believable time on one questionnaire; longer (or negative) durations are not stored. */
const MAX_DURATION_SECONDS = 7 * 24 * 60 * 60
/** Longest window any setting allows (QualitySettingsSchema caps windows at an hour). */
const MAX_WINDOW_MS = 60 * 60 * 1000
const TIME_BASED_FLAGS = QUALITY_FLAGS.TOO_FAST | QUALITY_FLAGS.BURST | QUALITY_FLAGS.CLOSING_TIME_BURST

const recent = createRecentEvents({ retentionMs: MAX_WINDOW_MS })

export type QualityInput = {
  channel: Channel
  kioskId: string | null
  servicePointId: string
  /** When the respondent finished (for a kiosk's queued answer, by the kiosk's clock). */
  now: Date
  /** Sent from an offline queue long after it was given: the burst windows say nothing of it. */
  offline?: boolean
  startedAt: Date | null
  honeypot: boolean
  answeredItems: number
  scaleAnswers: readonly number[]
  satisfactionAnswers: readonly number[]
}

export type QualityAssessment = {
  flags: number
  durationSeconds: number | null
  /** The exact submission time, kept only as the evidence of a time-based flag. */
  submittedAt: Date | null
  /** Takes this submission out of the recent windows (it was a replay, or was not stored). */
  forget(): void
}

/**
 * Flags one submission and records it in the recent windows (so the submissions around it see
 * it, even those written in the same batch). Paper sheets are keyed by clerks in bulk, so the
 * time-based rules don't apply to them.
 */
export function assessQuality(input: QualityInput, settings: QualitySettings): QualityAssessment {
  const at = input.now.getTime()
  const durationSeconds = duration(input.startedAt, input.now)
  const live = input.channel !== 'paper' && !input.offline && !(input.startedAt && at - input.startedAt.getTime() > OFFLINE_AFTER_MS)
  const recorded: (() => void)[] = []
  const countWith = (key: string, windowSeconds: number) => {
    recorded.push(recent.add(key, at))
    return recent.count(key, at - windowSeconds * 1000, at)
  }

  let recentFromDevice: number | null = null
  let recentAtServicePoint: number | null = null
  let recentVerySatisfiedNearClosing: number | null = null
  if (live) {
    const { windowSeconds } = settings.burst
    if (input.kioskId) recentFromDevice = countWith(`kiosk:${input.kioskId}`, windowSeconds)
    recentAtServicePoint = countWith(`sp:${input.servicePointId}`, windowSeconds)
    if (isVerySatisfied(input.satisfactionAnswers) && isNearClosing(vietnamMinuteOfDay(input.now), settings.closingTime)) {
      recentVerySatisfiedNearClosing = countWith(`closing:${input.servicePointId}`, settings.closingTime.windowSeconds)
    }
  }

  const flags = qualityFlags(
    {
      honeypot: input.honeypot,
      durationSeconds: input.channel === 'paper' ? null : durationSeconds,
      answeredItems: input.answeredItems,
      scaleAnswers: input.scaleAnswers,
      recentFromDevice,
      recentAtServicePoint,
      recentVerySatisfiedNearClosing,
    },
    settings,
  )
  return {
    flags,
    durationSeconds,
    submittedAt: flags & TIME_BASED_FLAGS ? input.now : null,
    forget: () => recorded.splice(0).forEach((remove) => remove()),
  }
}

/** Seconds from `startedAt` to `now`, or null when there is none or it is not believable. */
function duration(startedAt: Date | null, now: Date): number | null {
  if (!startedAt) return null
  const ms = now.getTime() - startedAt.getTime()
  if (ms < -CLOCK_SKEW_MS) return null
  const seconds = Math.max(0, Math.round(ms / 1000))
  return seconds > MAX_DURATION_SECONDS ? null : seconds
}
