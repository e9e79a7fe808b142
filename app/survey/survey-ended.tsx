import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import type { Definition } from '~/questionnaire/definition'
import { localized } from './texts'

/** The polite end for someone the screening question shows the survey is not for. */
export function SurveyEnded({ definition }: { definition: Definition }) {
  const { t, i18n } = useTranslation('survey')
  const lang: Language = i18n.language === 'en' ? 'en' : 'vi'
  return (
    <section className="survey">
      <h1>{t('ended.title')}</h1>
      <p className="lead">{localized(definition.screening.endMessage, lang)}</p>
      <p>
        <a href="/">{t('thanks.home')}</a>
      </p>
    </section>
  )
}
