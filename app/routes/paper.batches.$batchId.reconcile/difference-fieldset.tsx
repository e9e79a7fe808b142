import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { describeValue } from '~/paper/answer-labels'
import { type Difference, type FieldValue, SHEET_DATE_FIELD, VOID_FIELD } from '~/paper/compare'
import { formatDay } from '~/paper/dates'
import { isCodedItem } from '~/paper/keys'
import { PAPER_PAGE_NAMESPACES } from '~/paper/namespaces'
import { choiceField, rekeyField } from '~/paper/reconcile-form'
import type { Item } from '~/questionnaire/definition'
import { ErrorMessage } from '~/ui/error-message'

/** The id of a difference's first choice, where the error summary sends the supervisor. */
export const firstChoiceId = (field: string) => `choice-${field}-first`

/**
 * One field the two passes disagree on: both values to choose from, or the paper keyed again
 * (not when one pass is void and the other keyed: that is settled by taking a pass whole).
 * `values` are what the supervisor posted last, kept when the form was refused.
 */
export function DifferenceFieldset({
  difference: { field, first, second },
  label,
  item,
  values,
  error,
  locale,
}: {
  difference: Difference
  /** The field as the page names it (the item's number and question, the date, void or not). */
  label: string
  item: Item | undefined
  values: Partial<Record<string, string>>
  error: string | undefined
  locale: Language
}) {
  const { t } = useTranslation(PAPER_PAGE_NAMESPACES)
  const id = `choice-${field}`
  const chosen = values[choiceField(field)]
  const show = (value: FieldValue) => {
    if (field === SHEET_DATE_FIELD && typeof value === 'string') return formatDay(value)
    if (field === VOID_FIELD)
      return value === null ? t('reconcile.keyedSheet') : t('reconcile.voidSheet', { reason: t(`voidReasons.${value}`) })
    return describeValue(item, value, t, locale)
  }
  return (
    <fieldset className="reconcile-field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      {field === VOID_FIELD ? <p className="keying-hint">{t('reconcile.voidHelp')}</p> : null}
      <ErrorMessage id={`${id}-error`} message={error} />
      <label className="reconcile-choice">
        <input type="radio" id={firstChoiceId(field)} name={choiceField(field)} value="first" defaultChecked={chosen === 'first'} />{' '}
        {t('reconcile.first', { value: show(first) })}
      </label>
      <label className="reconcile-choice">
        <input type="radio" name={choiceField(field)} value="second" defaultChecked={chosen === 'second'} />{' '}
        {t('reconcile.second', { value: show(second) })}
      </label>
      {field === VOID_FIELD ? null : (
        <>
          <label className="reconcile-choice">
            <input type="radio" name={choiceField(field)} value="rekeyed" defaultChecked={chosen === 'rekeyed'} />{' '}
            {t('reconcile.rekeyed')}
          </label>
          <label htmlFor={`${id}-rekey`} className="visually-hidden">
            {t('reconcile.rekeyLabel', { field: label })}
          </label>
          <input
            id={`${id}-rekey`}
            name={rekeyField(field)}
            type={field === SHEET_DATE_FIELD ? 'date' : 'text'}
            inputMode={item && isCodedItem(item) ? 'numeric' : undefined}
            autoComplete="off"
            className={item?.kind === 'text' ? 'keying-text' : 'keying-code'}
            defaultValue={values[rekeyField(field)]}
          />
        </>
      )}
    </fieldset>
  )
}
