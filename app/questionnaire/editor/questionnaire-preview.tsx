import { useTranslation } from 'react-i18next'
import { type Definition, type Item, SCALE_KINDS } from '../definition'

type Language = 'vi' | 'en'

/**
 * The questionnaire laid out for a respondent, in one language, for the editor's preview.
 * Conditions are stated under the items they control rather than evaluated. With `items`, only
 * those (a kiosk form) and the sections holding them.
 */
export function QuestionnairePreview({
  definition,
  language,
  items,
}: {
  definition: Definition
  language: Language
  items?: readonly string[]
}) {
  const { t } = useTranslation('questionnaire', { lng: language })
  return (
    <div lang={language}>
      <h2>{definition.title[language]}</h2>
      {definition.intro ? <p>{definition.intro[language]}</p> : null}
      {sectionsShown(definition, items).map((section) => (
        <section key={section.code} aria-labelledby={`preview-${section.code}`}>
          <h3 id={`preview-${section.code}`}>{section.title[language]}</h3>
          {section.intro ? <p>{section.intro[language]}</p> : null}
          {section.showIf ? <p className="preview-condition">{t('preview.shownIf', { item: section.showIf.item })}</p> : null}
          {section.items.map((item) => (
            <PreviewItem key={item.code} item={item} language={language} />
          ))}
          {section.items.some((item) => item.code === definition.screening.item) ? (
            <p className="preview-condition">
              {t('preview.screeningEnd', { message: definition.screening.endMessage[language] })}
            </p>
          ) : null}
        </section>
      ))}
    </div>
  )
}

function sectionsShown(definition: Definition, items: readonly string[] | undefined) {
  if (!items) return definition.sections
  const asked = new Set(items)
  return definition.sections
    .map((section) => ({ ...section, items: section.items.filter((item) => asked.has(item.code)) }))
    .filter((section) => section.items.length > 0)
}

function PreviewItem({ item, language }: { item: Item; language: Language }) {
  const { t } = useTranslation('questionnaire', { lng: language })
  const name = `preview.${item.code}`
  const choices: { value: number; label: string }[] = SCALE_KINDS.includes(item.kind)
    ? [1, 2, 3, 4, 5].map((value) => ({ value, label: t(`scale.${item.kind}.${value}`) }))
    : (item.options ?? []).map((option) => ({ value: option.value, label: option.label[language] }))
  if (item.allowDontKnow) choices.push({ value: -1, label: t('answers.dontKnow') })
  if (item.allowNotApplicable) choices.push({ value: -2, label: t('answers.notApplicable') })
  const multiple = item.kind === 'multiSelect'
  return (
    <fieldset className="editor-item" data-item-code={item.code}>
      <legend>
        {item.text[language]}
        {item.required ? '' : ` ${t('preview.optional')}`}
      </legend>
      {item.help ? <p>{item.help[language]}</p> : null}
      {item.showIf ? <p className="preview-condition">{t('preview.shownIf', { item: item.showIf.item })}</p> : null}
      {item.kind === 'text' ? <textarea name={name} rows={3} aria-label={item.text[language]} /> : null}
      {item.kind === 'number' ? <input name={name} type="number" aria-label={item.text[language]} /> : null}
      {choices.length > 0 ? (
        <div className={SCALE_KINDS.includes(item.kind) ? 'preview-scale' : 'preview-choice'}>
          {choices.map((choice) => (
            <label key={choice.value}>
              <input type={multiple ? 'checkbox' : 'radio'} name={name} value={choice.value} /> {choice.label}
            </label>
          ))}
        </div>
      ) : null}
    </fieldset>
  )
}
