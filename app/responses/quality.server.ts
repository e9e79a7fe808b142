import type { Channel } from '~/generated/prisma/enums'
import { QUALITY_FLAGS, type QualitySettings } from '~/quality/flags'
import type { WindowQuery } from './burst-windows.server'
import { isNearClosing, isVerySatisfied, qualityFlags } from './flags'
import { vietnamMinuteOfDay } from './vietnam-time'

/*
 * Quality flags at submission time. The rules are pure (flags.ts), their configuration is the
 * quality settings (app/quality/settings.server.ts). The burst windows (recent submissions per
 * kiosk and service point) are counted in the database, for every app server at once, when the
 * submission's batch is written (burst-windows.server.ts): this module says which windows a
 * submission counts in, and decides its flags once they are counted.
 *
 * Exact time: a response keeps `submittedAt` only when a time-based flag (too fast, burst,
 * closing-time burst) was raised, as the evidence a reviewer needs; every other response keeps
 * only its day. The windows' own rows keep a time for an hour at most, and no response id.
 * Retention clears submittedAt after 90 days (retention.server.ts).
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
const TIME_BASED_FLAGS = QUALITY_FLAGS.TOO_FAST | QUALITY_FLAGS.BURST | QUALITY_FLAGS.CLOSING_TIME_BURST

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
  durationSeconds: number | null
  /** The burst windows the submission counts in (none for paper or an offline answer). */
  windows: WindowQuery[]
  /** The flags, and the exact time kept as their evidence, once `counts[i]` is the count of `windows[i]`. */
  decide(counts: readonly number[]): { flags: number; submittedAt: Date | null }
}

type WindowRole = 'device' | 'servicePoint' | 'closing'

/**
 * The burst windows one submission counts in, and how its flags follow from their counts (which
 * include the submission itself and those before it in its batch). Paper sheets are keyed by
 * clerks in bulk, so the time-based rules don't apply to them.
 */
export function assessQuality(input: QualityInput, settings: QualitySettings): QualityAssessment {
  const at = input.now.getTime()
  const durationSeconds = duration(input.startedAt, input.now)
  const live = input.channel !== 'paper' && !input.offline && !(input.startedAt && at - input.startedAt.getTime() > OFFLINE_AFTER_MS)
  const windows: WindowQuery[] = []
  const roles: WindowRole[] = []
  const countIn = (role: WindowRole, key: string, windowSeconds: number) => {
    windows.push({ key, at, windowSeconds })
    roles.push(role)
  }
  if (live) {
    const { windowSeconds } = settings.burst
    if (input.kioskId) countIn('device', `kiosk:${input.kioskId}`, windowSeconds)
    countIn('servicePoint', `sp:${input.servicePointId}`, windowSeconds)
    if (isVerySatisfied(input.satisfactionAnswers) && isNearClosing(vietnamMinuteOfDay(input.now), settings.closingTime)) {
      countIn('closing', `closing:${input.servicePointId}`, settings.closingTime.windowSeconds)
    }
  }

  return {
    durationSeconds,
    windows,
    decide(counts) {
      const countOf = (role: WindowRole) => {
        const index = roles.indexOf(role)
        return index < 0 ? null : counts[index]!
      }
      const flags = qualityFlags(
        {
          honeypot: input.honeypot,
          durationSeconds: input.channel === 'paper' ? null : durationSeconds,
          answeredItems: input.answeredItems,
          scaleAnswers: input.scaleAnswers,
          recentFromDevice: countOf('device'),
          recentAtServicePoint: countOf('servicePoint'),
          recentVerySatisfiedNearClosing: countOf('closing'),
        },
        settings,
      )
      return { flags, submittedAt: flags & TIME_BASED_FLAGS ? input.now : null }
    },
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
