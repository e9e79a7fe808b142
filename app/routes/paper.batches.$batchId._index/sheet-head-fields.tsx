import type { InputHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import { SHEET_BLOCK_FIELD } from '~/paper/compare'
import { PAPER_PAGE_NAMESPACES } from '~/paper/namespaces'
import { VOID_REASON_FIELD, VOID_REASON_KEYS, VOID_REASONS } from '~/paper/void'
import { ErrorMessage } from '~/ui/error-message'

/** A code is keyed like an answer: digits from the numeric keypad, nothing remembered. */
const CODE_INPUT = { type: 'text', inputMode: 'numeric', autoComplete: 'off', className: 'keying-code' } as const

/**
 * The fields above a sheet's answers: its number, the date on it, the key of the reason it is
 * void (empty for a sheet that is not) and, when the version has a short form, the block code
 * printed on the sheet (empty for a full-form sheet; docs/decisions/027-short-forms.md).
 */
export function SheetHeadFields({
  batch,
  sheetNo,
  sheetDate,
  voidReason,
  blockCodes,
  formBlock,
  message,
}: {
  batch: { fromDate: string; toDate: string; sheetCount: number }
  sheetNo: string
  sheetDate: string
  voidReason?: string
  blockCodes: readonly string[]
  formBlock?: string
  message: (field: string) => string | undefined
}) {
  const { t } = useTranslation(PAPER_PAGE_NAMESPACES)
  const reasons = VOID_REASONS.map((reason) => `${VOID_REASON_KEYS[reason]} ${t(`voidReasons.${reason}`)}`)
  return (
    <div className="keying-meta">
      <SheetHeadField
        name="sheetNo"
        label={t('keying.sheetNo')}
        hint={t('keying.sheetNoHint', { max: batch.sheetCount })}
        error={message('sheetNo')}
        {...CODE_INPUT}
        defaultValue={sheetNo}
      />
      <SheetHeadField
        name="sheetDate"
        label={t('keying.sheetDate')}
        error={message('sheetDate')}
        type="date"
        min={batch.fromDate}
        max={batch.toDate}
        defaultValue={sheetDate}
      />
      <SheetHeadField
        name={VOID_REASON_FIELD}
        label={t('keying.void.label')}
        hint={t('keying.void.hint', { reasons: reasons.join(' · ') })}
        error={message(VOID_REASON_FIELD)}
        {...CODE_INPUT}
        defaultValue={voidReason}
        data-complete={VOID_REASONS.map((reason) => VOID_REASON_KEYS[reason]).join(' ')}
      />
      {blockCodes.length > 0 ? (
        <SheetHeadField
          name={SHEET_BLOCK_FIELD}
          label={t('keying.block.label')}
          hint={t('keying.block.hint', { codes: blockCodes.join(', ') })}
          error={message(SHEET_BLOCK_FIELD)}
          type="text"
          autoComplete="off"
          className="keying-code"
          defaultValue={formBlock}
        />
      ) : null}
    </div>
  )
}

/** One of them: its label, the input, then the hint (kept under the small field) and any error. */
function SheetHeadField({
  name,
  label,
  hint,
  error,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> & {
  name: string
  label: string
  hint?: string
  error?: string
  'data-complete'?: string
}) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        {...input}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
      />
      {hint ? (
        <p id={`${name}-hint`} className="keying-hint">
          {hint}
        </p>
      ) : null}
      <ErrorMessage id={`${name}-error`} message={error} />
    </div>
  )
}
