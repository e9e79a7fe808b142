import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { SESSION_SECRET } from '~/auth/session.server'

/*
 * Where a respondent is in the survey, carried from page to page in one hidden form field and
 * signed, so the survey needs neither JavaScript nor a draft table (ADR 007). The signature keeps
 * what the server vouches for honest: the response id it minted and the time the survey was
 * opened (the too-fast quality flag reads it). Answers are checked again, whole, on submission.
 */

const SurveyStateSchema = z.object({
  /** The response id (UUID v4), minted when the survey opened and reused on every retry. */
  id: z.uuid(),
  servicePointCode: z.string(),
  versionId: z.string(),
  startedAt: z.iso.datetime(),
  /** The page this state was rendered with (app/questionnaire/pages.ts keys). */
  page: z.string(),
  /** Came from the review page's "edit": "continue" returns to the review. */
  reviewing: z.boolean(),
  answers: z.record(z.string(), z.union([z.number(), z.array(z.number()), z.string()])),
  /**
   * The rating ticket the survey was opened with (/t/<token>, docs/decisions/025-rating-tickets.md):
   * its token, submitted with the answers, and its procedure field, whose answer it fixes.
   */
  ticket: z.object({ token: z.string(), field: z.string().nullable() }).optional(),
})
export type SurveyState = z.infer<typeof SurveyStateSchema>

function signature(payload: string): string {
  return createHmac('sha256', SESSION_SECRET).update(`survey-state:${payload}`).digest('base64url')
}

export function signSurveyState(state: SurveyState): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url')
  return `${payload}.${signature(payload)}`
}

/** The state a form carried, or null when it is missing, malformed or was altered. */
export function readSurveyState(token: unknown): SurveyState | null {
  if (typeof token !== 'string') return null
  const [payload = '', mac = '', ...rest] = token.split('.')
  if (rest.length > 0 || !sameText(mac, signature(payload))) return null
  try {
    const parsed = SurveyStateSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
