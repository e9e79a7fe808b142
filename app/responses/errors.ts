/**
 * Why a submission was refused, for every channel (JSON API, survey form, paper entry). Pure, so
 * routes and the survey UI can import it. Each code has a message `errors.<code>` in the
 * `submission` i18n namespace; the codes are a public contract (kiosks and offline sync branch on
 * them), so never rename one.
 */
const REQUEST_ERROR_CODES = [
  'method_not_allowed',
  'unsupported_media_type',
  'payload_too_large',
  'invalid_json',
  'duplicate_key',
  'rate_limited',
  'invalid_kiosk_token',
  'kiosk_revoked',
  'unreadable_address',
] as const

const ENVELOPE_ERROR_CODES = [
  'invalid_batch',
  'invalid_envelope',
  'unknown_field',
  'kiosk_only_field',
  'completed_at_out_of_range',
] as const

const TARGET_ERROR_CODES = [
  'unknown_service_point',
  'no_campaign',
  'campaign_not_started',
  'campaign_closed',
  'unknown_version',
  'version_not_current',
  'kiosk_service_point_mismatch',
] as const

/**
 * Refusals of a rating ticket carried by a submission (app/responses/ticket.server.ts): forged,
 * altered, unknown or not yet valid (400), past its last day (410), for another service point (422).
 */
const TICKET_ERROR_CODES = ['ticket_invalid', 'ticket_expired', 'ticket_service_point_mismatch'] as const

/** Per-item problems found by `answersSchema` (app/responses/answers.ts). */
export const ANSWER_ERROR_CODES = [
  'invalid_answers',
  'unknown_item',
  'not_in_form',
  'wrong_type',
  'out_of_range',
  'unknown_option',
  'duplicate_option',
  'non_substantive_with_others',
  'dont_know_not_allowed',
  'not_applicable_not_allowed',
  'hidden_item',
  'required',
  'screened_out',
  'text_too_long',
  'text_nul',
  'text_invalid_unicode',
  'too_many_texts',
] as const

/**
 * Refusals of a response to a short form (docs/decisions/027-short-forms.md): an answer to an item
 * its block does not ask (`params.itemCode`, `params.block`), or a paper sheet whose keyed block
 * is missing or is not one of the version's.
 */
const SHORT_FORM_ERROR_CODES = ['item_not_asked', 'form_block_required', 'unknown_form_block'] as const

const STORAGE_ERROR_CODES = ['id_conflict', 'paper_sheet_conflict', 'ticket_used', 'database_unavailable', 'internal_error'] as const

/** Refusals of the kiosk endpoints (docs/decisions/019-kiosk.md), beside the kiosk-token ones above. */
const KIOSK_ERROR_CODES = [
  'invalid_enrolment_code',
  'unknown_enrolment_code',
  'enrolment_code_used',
  'enrolment_code_expired',
  'too_many_attempts',
  'invalid_heartbeat',
] as const

/**
 * Refusals of the read API (/api/v1, docs/decisions/021-read-api.md): a missing, unknown,
 * expired or revoked token (401), a token used too often (429), a query parameter that does not
 * read (400, `params.parameter` names it), a unit the token may not see (403) or that does not
 * exist (404).
 */
const READ_API_ERROR_CODES = [
  'api_token_missing',
  'api_token_unknown',
  'api_token_expired',
  'api_token_revoked',
  'api_rate_limited',
  'invalid_parameter',
  'outside_token_scope',
  'unknown_unit',
] as const

/**
 * Refusals of the ticket-minting API (POST /api/v1/tickets, docs/decisions/025-rating-tickets.md):
 * a missing, unknown or revoked service token (401), a body that does not read (400) or holds too
 * many requests (413), a service point outside the token's province or agency (403), inactive, or
 * a field that is not a procedure field (422); `params.index` names the request refused.
 */
const TICKET_API_ERROR_CODES = [
  'issuer_token_missing',
  'issuer_token_unknown',
  'issuer_token_revoked',
  'invalid_ticket_request',
  'too_many_tickets',
  'outside_issuer_scope',
  'service_point_inactive',
  'unknown_procedure_field',
] as const

export const SUBMISSION_ERROR_CODES = [
  ...REQUEST_ERROR_CODES,
  ...KIOSK_ERROR_CODES,
  ...READ_API_ERROR_CODES,
  ...TICKET_API_ERROR_CODES,
  ...ENVELOPE_ERROR_CODES,
  ...TARGET_ERROR_CODES,
  ...TICKET_ERROR_CODES,
  ...ANSWER_ERROR_CODES,
  ...SHORT_FORM_ERROR_CODES,
  ...STORAGE_ERROR_CODES,
] as const

export type AnswerErrorCode = (typeof ANSWER_ERROR_CODES)[number]
export type SubmissionErrorCode = (typeof SUBMISSION_ERROR_CODES)[number]
export type ErrorParams = Record<string, string | number>

/** One answer problem: which item, which rule, and the values its message needs. */
export type AnswerIssue = { code: AnswerErrorCode; itemCode: string; params: ErrorParams }

export class SubmissionError extends Error {
  constructor(
    readonly status: number,
    readonly code: SubmissionErrorCode,
    readonly params: ErrorParams = {},
    /** Every answer problem when `code` is the first of several (status 400). */
    readonly issues: readonly AnswerIssue[] = [],
  ) {
    super(code)
    this.name = 'SubmissionError'
  }
}

/** The i18n key (namespace `submission`) of a code's message. */
export function errorMessageKey(code: SubmissionErrorCode): string {
  return `errors.${code}`
}

/** Seconds a client is told to wait after a 503; the response itself comes within 2 s. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2
