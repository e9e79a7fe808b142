import { useTranslation } from 'react-i18next'
import { type Item, MAX_TEXT_ANSWER_LENGTH } from '~/questionnaire/definition'
import { ErrorMessage } from '~/ui/error-message'
import { keyHint } from './answer-labels'
import { isCompleteKey, keyCodes } from './keys'
import { PAPER_PAGE_NAMESPACES } from './namespaces'

export const itemFieldId = (code: string) => `item-${code}`

/**
 * One item of the keying form: its number and question, a small field for the keys, and what
 * the keys mean. `data-complete` lists the keys after which the cursor moves on by itself.
 * An item its conditions hide, or any item of a sheet marked void, is disabled (skipped by Tab
 * and never posted).
 */
export function SheetItemField({
  item,
  number,
  lng,
  error,
  defaultValue,
  skipped,
  autoFocus,
}: {
  item: Item
  number: number
  lng: 'vi' | 'en'
  error?: string
  defaultValue?: string
  skipped: false | 'hidden' | 'void'
  autoFocus: boolean
}) {
  const { t } = useTranslation(PAPER_PAGE_NAMESPACES)
  const id = itemFieldId(item.code)
  const complete = keyCodes(item)
    .map((code) => code.key)
    .filter((key) => isCompleteKey(item, key))
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className={skipped ? 'keying-item is-skipped' : 'keying-item'}>
      <label htmlFor={id}>
        <span className="keying-number">{number}.</span> {item.text[lng]}
      </label>
      <input
        id={id}
        name={item.code}
        type="text"
        inputMode={item.kind === 'text' ? 'text' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_TEXT_ANSWER_LENGTH}
        className={item.kind === 'text' ? 'keying-text' : 'keying-code'}
        defaultValue={defaultValue}
        disabled={skipped !== false}
        // The clerk types straight into the first answer of each new sheet.
        autoFocus={autoFocus}
        data-complete={complete.length > 0 ? complete.join(' ') : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
      <p id={`${id}-hint`} className="keying-hint">
        {skipped === 'void'
          ? t('keying.hints.voided')
          : skipped === 'hidden'
          ? t('keying.hints.skipped')
          : keyHint(item, t, lng)}
      </p>
      <ErrorMessage id={`${id}-error`} message={error} />
    </div>
  )
}
