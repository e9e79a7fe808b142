/*
 * A void sheet (phiếu không hợp lệ): a form that came back blank, from someone the screening
 * question rules out, spoiled, or twice. It counts towards the batch's sheets, so the batch can
 * be finished, but it is never a response and never counts in any index. The clerk types the
 * reason's key in the sheet's "void" field; blank means the sheet is valid.
 */

export const VOID_REASONS = ['blank', 'screened_out', 'spoiled', 'duplicate'] as const
export type VoidReason = (typeof VOID_REASONS)[number]

/** The form field; a capital letter, so it can never be an item code (codes are lower case). */
export const VOID_REASON_FIELD = 'voidReason'

/** The key a clerk types for each reason, in the order the hint lists them. */
export const VOID_REASON_KEYS: Readonly<Record<VoidReason, string>> = {
  blank: '1',
  screened_out: '2',
  spoiled: '3',
  duplicate: '4',
}

export type VoidKeyResult = { ok: true; reason: VoidReason | null } | { ok: false; error: string }

/** The reason a clerk typed (null: the sheet is valid), or the i18n key (namespace `paper`) of why it is none. */
export function readVoidKey(typed: string): VoidKeyResult {
  const raw = typed.trim()
  if (raw === '') return { ok: true, reason: null }
  const reason = VOID_REASONS.find((candidate) => VOID_REASON_KEYS[candidate] === raw)
  return reason ? { ok: true, reason } : { ok: false, error: 'keying.errors.voidReason' }
}
