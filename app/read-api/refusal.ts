import type { ErrorParams, SubmissionErrorCode } from '~/responses/errors'

/**
 * Why the read API does not answer a request that passed authentication: the status and stable
 * code of the one error shape (app/responses/errors.ts), answered by http.server.ts.
 */
export type ApiRefusal = { refused: { status: 400 | 403 | 404; code: SubmissionErrorCode; params?: ErrorParams } }

export const invalidParameter = (parameter: string): ApiRefusal => ({
  refused: { status: 400, code: 'invalid_parameter', params: { parameter } },
})
export const outsideScope: ApiRefusal = { refused: { status: 403, code: 'outside_token_scope' } }
export const unknownUnit: ApiRefusal = { refused: { status: 404, code: 'unknown_unit' } }

export function isRefusal(value: unknown): value is ApiRefusal {
  return typeof value === 'object' && value !== null && 'refused' in value
}
