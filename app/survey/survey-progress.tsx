import { useTranslation } from 'react-i18next'

/** "Step 3 of 9" in words, with a bar for those who glance. */
export function SurveyProgress({ current, total }: { current: number; total: number }) {
  const { t } = useTranslation('survey')
  return (
    <div className="survey-progress">
      <p id="survey-progress-label">{t('progress', { current, total })}</p>
      <progress max={total} value={current} aria-labelledby="survey-progress-label" />
    </div>
  )
}
