import { useTranslation } from 'react-i18next'
import { type Definition, ITEM_KINDS } from '../definition'
import { ConditionFields } from './condition-fields'
import { kioskFormItems } from '../kiosk-form'
import { elementOfItems, field, KIOSK_FORM_FIELD } from './form'
import { ItemFields } from './item-fields'
import { TextPair } from './text-pair'
import { SelectField } from '~/ui/select-field'

/**
 * Every editable part of a definition, section by section. Rendered inside the editor's form;
 * a published version shows the same fields inside a disabled fieldset.
 */
export function DefinitionFields({ definition }: { definition: Definition }) {
  const { t, i18n } = useTranslation('questionnaire')
  const language = i18n.language === 'en' ? 'en' : 'vi'
  const elementOf = elementOfItems(definition)
  const onKiosk = new Set(kioskFormItems(definition))
  const elements = definition.methodology.elements.map((element) => ({
    code: element.code,
    name: element.name[language] || element.code,
  }))
  const earlier: string[] = []
  return (
    <>
      <input type="hidden" name={KIOSK_FORM_FIELD} value="shown" />
      <TextPair name="title" label={t('editor.title')} value={definition.title} />
      <TextPair name="intro" label={t('editor.intro')} value={definition.intro} multiline />
      <TextPair name="screening.endMessage" label={t('editor.endMessage')} value={definition.screening.endMessage} multiline />
      {definition.sections.map((section, s) => {
        const sectionEarlier = [...earlier]
        return (
          <section key={section.code} aria-labelledby={`section-${s}`} className="editor-section">
            <h2 id={`section-${s}`}>{t('editor.sectionHeading', { position: s + 1, code: section.code })}</h2>
            <TextPair name={field.section(s, 'title')} label={t('editor.sectionTitle')} value={section.title} />
            <TextPair name={field.section(s, 'intro')} label={t('editor.sectionIntro')} value={section.intro} multiline />
            <ConditionFields name={field.section(s, 'showIf')} condition={section.showIf} choices={sectionEarlier} />
            {section.items.map((item, i) => {
              const before = [...earlier]
              earlier.push(item.code)
              return (
                <ItemFields
                  key={`${item.code}-${i}`}
                  item={item}
                  section={s}
                  index={i}
                  count={section.items.length}
                  earlier={before}
                  elements={elements}
                  element={elementOf.get(item.code)}
                  kiosk={item.code === definition.screening.item ? 'always' : onKiosk.has(item.code)}
                />
              )
            })}
            <div className="editor-row">
              <SelectField
                name={`newKind.${s}`}
                label={t('editor.newItemKind')}
                value="satisfaction5"
                options={ITEM_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
              />
              <button type="submit" name="intent" value={`addItem:${s}`} className="secondary">
                {t('editor.addItem')}
              </button>
            </div>
          </section>
        )
      })}
    </>
  )
}
