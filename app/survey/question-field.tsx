import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { type Item, MAX_TEXT_ANSWER_LENGTH, SCALE_KINDS } from '~/questionnaire/definition'
import { ErrorMessage } from '~/ui/error-message'
import { fieldName, firstInputId, questionId } from './answer-fields'
import { choicesOf, localized } from './texts'

type Props = {
  item: Item
  lang: Language
  /** What the fields hold when the page opens (also rendered as HTML for the no-JavaScript form). */
  value: string | string[]
  /** When to answer, in words: shown while the page cannot hide the item by itself. */
  condition?: string
  error?: string
}

/**
 * One question. Choices are native radio buttons and check boxes inside large labels: keyboard,
 * screen readers and forms without JavaScript work as browsers make them; the scale's five points
 * are words, not faces or numbers.
 */
export function QuestionField({ item, lang, value, condition, error }: Props) {
  const { t } = useTranslation('survey')
  const id = questionId(item.code)
  const name = fieldName(item.code)
  const describedBy = [item.help && `${id}-help`, condition && `${id}-condition`, error && `${id}-error`].filter(Boolean).join(' ')
  const details = (
    <>
      {item.help ? (
        <p className="question-help" id={`${id}-help`}>
          {localized(item.help, lang)}
        </p>
      ) : null}
      {condition ? (
        <p className="question-condition" id={`${id}-condition`}>
          {condition}
        </p>
      ) : null}
      <ErrorMessage id={`${id}-error`} message={error} />
    </>
  )
  const label = (
    <>
      {localized(item.text, lang)}
      {item.required ? null : <span className="question-optional"> ({t('optional')})</span>}
    </>
  )

  if (item.kind === 'text' || item.kind === 'number') {
    const inputProps = {
      id: firstInputId(item.code),
      defaultValue: typeof value === 'string' ? value : '',
      'aria-describedby': describedBy || undefined,
      'aria-invalid': error ? true : undefined,
      name,
    }
    return (
      <div className="question" id={id}>
        <label className="question-text" htmlFor={inputProps.id}>
          {label}
        </label>
        {details}
        {item.kind === 'text' ? (
          <>
            <textarea rows={5} maxLength={MAX_TEXT_ANSWER_LENGTH} {...inputProps} />
            <p className="question-help">{t('textLimit', { max: MAX_TEXT_ANSWER_LENGTH })}</p>
          </>
        ) : (
          <input type="text" inputMode="numeric" autoComplete="off" {...inputProps} />
        )}
      </div>
    )
  }

  const multiple = item.kind === 'multiSelect'
  const checked = new Set([value].flat())
  return (
    <fieldset
      className={SCALE_KINDS.includes(item.kind) ? 'question scale' : 'question'}
      id={id}
      // A radio group carries its invalid state; check boxes carry their own (ARIA 1.2).
      role={multiple ? undefined : 'radiogroup'}
      aria-describedby={describedBy || undefined}
      aria-invalid={error && !multiple ? true : undefined}
    >
      <legend className="question-text">{label}</legend>
      {multiple ? <p className="question-help">{t('chooseAll')}</p> : null}
      {details}
      <div className="choices">
        {choicesOf(item, lang, t).map((choice, index) => (
          <label className={choice.nonSubstantive ? 'choice non-substantive' : 'choice'} key={choice.value}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              id={`${id}-${index}`}
              value={String(choice.value)}
              defaultChecked={checked.has(String(choice.value))}
              aria-invalid={error && multiple ? true : undefined}
              name={name}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
