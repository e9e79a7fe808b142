import { useTranslation } from 'react-i18next'
import type { CaseAnswerRow } from '~/dashboard/case-answers'
import type { Language } from '~/i18n/config'

/** One answer of a case in words: a scale's value out of 5 (flagged when dissatisfied), a choice's labels. */
export function CaseAnswerText({ row, locale }: { row: CaseAnswerRow; locale: Language }) {
  const { t } = useTranslation('cases')
  const { answer } = row
  if (answer.kind === 'dontKnow') return <>{t('case.dontKnow')}</>
  if (answer.kind === 'notApplicable') return <>{t('case.notApplicable')}</>
  if (answer.kind === 'number') return <>{answer.value}</>
  if (answer.kind === 'options') return <>{answer.labels.map((label) => label[locale] || label.vi).join('; ')}</>
  const text = t('case.scaleValue', { value: answer.value })
  return row.dissatisfied ? <strong>{t('case.dissatisfied', { value: text })}</strong> : <>{text}</>
}
