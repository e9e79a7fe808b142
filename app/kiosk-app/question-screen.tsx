import { useEffect, useId, useRef, useState } from 'react'
import type { Language } from '~/i18n/config'
import { DONT_KNOW, MAX_TEXT_ANSWER_LENGTH, NOT_APPLICABLE, SCALE_KINDS } from '~/questionnaire/coding'
import type { Item } from '~/questionnaire/definition'
import { type AnswerValue, MAX_NUMBER_ANSWER } from '~/responses/answer-values'
import { choicesOf, localized, type Translate } from '~/survey/texts'
import { ReadAloudButton } from './read-aloud-button'
import { ScaleFace } from './scale-face'
import { KioskButtons } from './kiosk-buttons'

type Props = {
  item: Item
  lang: Language
  value: AnswerValue | undefined
  progress: { current: number; total: number }
  isLast: boolean
  /** `advance`: the answer is given, go on (a tap on a choice); otherwise the answer is still being made. */
  onAnswer: (value: AnswerValue | undefined, advance: boolean) => void
  onBack: () => void
  t: Translate
  tSurvey: Translate
}

/**
 * One question on the whole screen. A choice is a large button: a tap answers and moves on.
 * Several choices, a number or a comment are confirmed with "Continue". Every target is at
 * least 64 × 64 CSS pixels (kiosk.css).
 */
export function QuestionScreen({ item, lang, value, progress, isLast, onAnswer, onBack, t, tSurvey }: Props) {
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [item.code])

  const question = localized(item.text, lang)
  const choices = item.kind === 'text' || item.kind === 'number' ? [] : choicesOf(item, lang, tSurvey)
  const proceed = isLast ? t('question.finish') : t('question.next')

  return (
    <section className="kiosk-screen kiosk-question" aria-labelledby={headingId}>
      <div className="kiosk-question-top">
        <p className="kiosk-progress">{t('question.progress', progress)}</p>
        <ReadAloudButton lang={lang} label={t('question.readAloud')} parts={[question, ...choices.map((choice) => choice.label)]} />
      </div>
      <h1 id={headingId} ref={heading} tabIndex={-1}>
        {question}
        {item.required ? null : <span className="kiosk-optional"> ({tSurvey('optional')})</span>}
      </h1>
      {item.help ? <p className="kiosk-help">{localized(item.help, lang)}</p> : null}

      {item.kind === 'text' ? (
        <CommentField labelledBy={headingId} value={typeof value === 'string' ? value : ''} onAnswer={onAnswer} t={t} tSurvey={tSurvey} />
      ) : item.kind === 'number' ? (
        <NumberField
          key={item.code}
          item={item}
          labelledBy={headingId}
          value={typeof value === 'number' ? value : undefined}
          onAnswer={onAnswer}
          proceed={proceed}
          t={t}
        />
      ) : item.kind === 'multiSelect' ? (
        <div className="kiosk-choices" role="group" aria-labelledby={headingId}>
          <p className="kiosk-help">{tSurvey('chooseAll')}</p>
          {choices.map((choice) => {
            const chosen = Array.isArray(value) ? value : []
            const pressed = chosen.includes(choice.value)
            const toggled = pressed
              ? chosen.filter((v) => v !== choice.value)
              : choice.nonSubstantive
                ? [choice.value]
                : [...chosen.filter((v) => v !== DONT_KNOW && v !== NOT_APPLICABLE), choice.value]
            return (
              <button
                key={choice.value}
                type="button"
                className={choice.nonSubstantive ? 'kiosk-choice kiosk-choice-other' : 'kiosk-choice'}
                aria-pressed={pressed}
                onClick={() => onAnswer(toggled.length > 0 ? toggled : undefined, false)}
              >
                <span className="kiosk-check" aria-hidden="true" />
                {choice.label}
              </button>
            )
          })}
        </div>
      ) : (
        <div className={SCALE_KINDS.includes(item.kind) ? 'kiosk-choices kiosk-scale' : 'kiosk-choices'} role="group" aria-labelledby={headingId}>
          {choices.map((choice) => (
            <button
              key={choice.value}
              type="button"
              className={choice.nonSubstantive ? 'kiosk-choice kiosk-choice-other' : 'kiosk-choice'}
              aria-pressed={value === choice.value}
              onClick={() => onAnswer(choice.value, true)}
            >
              {SCALE_KINDS.includes(item.kind) && !choice.nonSubstantive ? (
                <>
                  <ScaleFace value={choice.value} />
                  <span className="kiosk-choice-number">{choice.value}</span>{' '}
                </>
              ) : null}
              <span className="kiosk-choice-words">{choice.label}</span>
            </button>
          ))}
        </div>
      )}

      <KioskButtons backLabel={t('question.back')} onBack={onBack}>
        {showForward(item, value) ? (
          <button type="button" onClick={() => onAnswer(value, true)} disabled={item.required && value === undefined}>
            {value === undefined && !item.required && item.kind !== 'text' ? t('question.skip') : proceed}
          </button>
        ) : null}
      </KioskButtons>
    </section>
  )
}

/** The optional comment: a plain text area, so the device's own on-screen keyboard comes up. */
/**
 * Whether "Continue" (or "Skip") is offered beside "Back". A required single choice needs none
 * (the tap moves on) until it has an answer; a number has its own button by its field.
 */
function showForward(item: Item, value: AnswerValue | undefined): boolean {
  if (item.kind === 'number') return false
  if (item.kind === 'multiSelect' || item.kind === 'text') return true
  return value !== undefined || !item.required
}

function CommentField({
  labelledBy,
  value,
  onAnswer,
  t,
  tSurvey,
}: {
  labelledBy: string
  value: string
  onAnswer: Props['onAnswer']
  t: Translate
  tSurvey: Translate
}) {
  const id = useId()
  return (
    <div className="kiosk-comment">
      <p className="kiosk-help">{t('question.keyboardHint')}</p>
      <textarea
        id={id}
        rows={5}
        maxLength={MAX_TEXT_ANSWER_LENGTH}
        value={value}
        onChange={(event) => onAnswer(event.currentTarget.value === '' ? undefined : event.currentTarget.value, false)}
        aria-labelledby={labelledBy}
        aria-describedby={`${id}-limit`}
      />
      <p className="kiosk-help" id={`${id}-limit`}>
        {tSurvey('textLimit', { max: MAX_TEXT_ANSWER_LENGTH })}
      </p>
    </div>
  )
}

function NumberField({
  item,
  labelledBy,
  value,
  onAnswer,
  proceed,
  t,
}: {
  item: Item
  labelledBy: string
  value: number | undefined
  onAnswer: Props['onAnswer']
  proceed: string
  t: Translate
}) {
  const id = useId()
  const [text, setText] = useState(value === undefined ? '' : String(value))
  const [error, setError] = useState(false)
  const min = item.min ?? 0
  const max = item.max ?? MAX_NUMBER_ANSWER
  const confirm = () => {
    if (text.trim() === '' && !item.required) return onAnswer(undefined, true)
    const number = Number(text.trim())
    if (!/^\d+$/.test(text.trim()) || number < min || number > max) return setError(true)
    onAnswer(number, true)
  }
  return (
    <div className="kiosk-number">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-invalid={error || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-labelledby={labelledBy}
        onChange={(event) => {
          setText(event.currentTarget.value)
          setError(false)
        }}
      />
      {error ? (
        <p className="kiosk-error" id={`${id}-error`} role="alert">
          {t('question.numberError', { min, max })}
        </p>
      ) : null}
      <button type="button" onClick={confirm}>
        {proceed}
      </button>
    </div>
  )
}
