import { z } from 'zod'
import { isStorableText } from '~/db/storable-text'
import { LANGUAGES } from '~/i18n/config'
import { SubmissionError } from './errors'

/**
 * What a client sends for one response, on every channel. Strict: an unknown field is refused
 * (a client sending fields we would silently drop has a bug worth hearing about). `answers` is
 * checked separately, against the questionnaire version (app/responses/answers.ts). Every
 * string is checked here, before any query sees it: a NUL or a lone surrogate is a 400 naming
 * the field, not a database error (app/db/storable-text.ts).
 */
/** Far above real ones (a UUID; a service point code such as 31TP). */
export const MAX_VERSION_ID_LENGTH = 100
export const MAX_SERVICE_POINT_CODE_LENGTH = 40
export const MAX_HONEYPOT_LENGTH = 1000
/** A rating ticket's token is about 130 characters (app/tickets/token.ts). */
const MAX_TICKET_LENGTH = 400
/** Channels a client may claim for itself; kiosk needs a device token, paper a clerk. */
const SELF_DECLARED_CHANNELS = ['phone', 'web'] as const
/** The forms a response may answer: the whole version, or its kiosk form. */
export const FORMS = ['full', 'kiosk'] as const
/** Envelope fields only a kiosk (a request with a valid device token) may send. */
export const KIOSK_ONLY_FIELDS = ['form', 'completedAt'] as const

/** A string bounded in length that PostgreSQL can store. */
const storableString = (max: number) => z.string().max(max).refine(isStorableText)

const SubmissionEnvelopeSchema = z.strictObject({
  /** Chosen by the client (UUID v4) before the first attempt and reused on every retry. */
  id: z.uuid({ version: 'v4' }).transform((id) => id.toLowerCase()),
  versionId: storableString(MAX_VERSION_ID_LENGTH).min(1),
  servicePointCode: storableString(MAX_SERVICE_POINT_CODE_LENGTH).min(1),
  /** The language the respondent answered in (default: the request's). */
  language: z.enum(LANGUAGES).optional(),
  channel: z.enum(SELF_DECLARED_CHANNELS).optional(),
  /** When the respondent opened the questionnaire, for the too-fast check. */
  startedAt: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value).toISOString())
    .optional(),
  /**
   * Kiosks only (docs/decisions/019-kiosk.md): `kiosk` = a response to the version's kiosk form,
   * whose required items are the form's own.
   */
  form: z.enum(FORMS).optional(),
  /**
   * Kiosks only: when the respondent finished, by the device's clock. An answer sent from an
   * offline queue counts for the day it was given, not the day it arrived.
   */
  completedAt: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value).toISOString())
    .optional(),
  answers: z.unknown(),
  /**
   * A rating ticket (docs/decisions/025-rating-tickets.md): the signed token of `/t/<token>`.
   * The response is then verified, and the ticket's screening answer and procedure field stand
   * for the citizen's, whatever `answers` says.
   */
  ticket: z.string().max(MAX_TICKET_LENGTH).regex(/^[A-Za-z0-9._-]+$/).optional(),
  /** Honeypot: a field people never see and robots fill in. Filled → flagged, still stored. */
  website: storableString(MAX_HONEYPOT_LENGTH).optional(),
})

export type SubmissionEnvelope = z.output<typeof SubmissionEnvelopeSchema>
export type SubmissionEnvelopeInput = z.input<typeof SubmissionEnvelopeSchema>

/** The envelope, or SubmissionError 400 `unknown_field` / `invalid_envelope` naming the field. */
export function parseEnvelope(body: unknown): SubmissionEnvelope {
  const parsed = SubmissionEnvelopeSchema.safeParse(body)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  if (issue.code === 'unrecognized_keys') throw new SubmissionError(400, 'unknown_field', { field: issue.keys[0] ?? '' })
  throw new SubmissionError(400, 'invalid_envelope', { field: issue.path.join('.') })
}
