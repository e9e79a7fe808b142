import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import type { Definition } from '~/questionnaire/definition'
import { pageItems, type SurveyPage } from '~/questionnaire/pages'
import { codedAnswers, type SubmittedAnswers } from '~/responses/answers'
import type { FixedAnswers } from './fixed-answers'
import { answerTexts, localized } from './texts'

type Props = { definition: Definition; pages: SurveyPage[]; answers: SubmittedAnswers; fixed: FixedAnswers; lang: Language }

/**
 * Every answered page as questions and answers, each page with an "edit" button. The buttons
 * submit the form (they carry the answers along), so editing works without JavaScript too.
 */
export function ReviewAnswers({ definition, pages, answers, fixed, lang }: Props) {
  const { t } = useTranslation('survey')
  const coded = codedAnswers(answers)
  return (
    <>
      {pages.map((page) => {
        if (page.kind === 'review') return null
        const title = page.kind === 'section' ? page.sections.map((section) => localized(section.title, lang)).join(' · ') : localized(definition.title, lang)
        const items = pageItems(definition, page, coded).filter(
          ({ item, live }) => (!live || answers[item.code] !== undefined) && fixed[item.code] === undefined,
        )
        return (
          <section className="review-section" key={page.key} aria-labelledby={`review-${page.key}`}>
            <div className="review-heading">
              <h2 id={`review-${page.key}`}>{title}</h2>
              <button
                type="submit"
                name="intent"
                value={`edit:${page.key}`}
                className="link-button"
                aria-label={t('review.editSection', { section: title })}
              >
                {t('review.edit')}
              </button>
            </div>
            <dl>
              {items.map(({ item }) => {
                const value = answers[item.code]
                const texts = value === undefined ? [] : answerTexts(item, value, lang, t)
                return (
                  <div className="review-row" key={item.code}>
                    <dt>{localized(item.text, lang)}</dt>
                    {texts.length === 0 ? (
                      <dd className="review-empty">{t('review.notAnswered')}</dd>
                    ) : (
                      texts.map((text) => <dd key={text}>{text}</dd>)
                    )}
                  </div>
                )
              })}
            </dl>
          </section>
        )
      })}
    </>
  )
}
