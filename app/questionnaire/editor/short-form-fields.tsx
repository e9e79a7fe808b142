import { useTranslation } from 'react-i18next'
import { type Definition, allItems } from '../definition'
import { askedDefinition } from '../asked-form'
import { answeringMinutes, type FormLength, formLength } from '../answering-time'
import { formLengths } from '../short-form-design'
import { SHORT_FORM_BLOCK_COUNTS } from './commands'
import { field, SHORT_FORM_BLOCKS_FIELD, SHORT_FORM_FIELD, SHORT_FORM_PLACE, shortFormField } from './form'
import { TextPair } from './text-pair'
import { InputField } from '~/ui/input-field'

/**
 * The short form (docs/decisions/027-short-forms.md) in the editor: the forms a respondent may
 * get with their length and a preview link each, the blocks' codes and titles, each item's place
 * (the core or a block), and the buttons that propose a split or remove the short form. Plain
 * form fields and submit buttons, like the rest of the editor.
 */
export function ShortFormFields({ definition, previewBase }: { definition: Definition; previewBase: string }) {
  const { t, i18n } = useTranslation('questionnaire')
  const language = i18n.language === 'en' ? 'en' : 'vi'
  const { shortForm } = definition
  const minutes = (length: FormLength) => t('shortForm.aboutMinutes', { minutes: new Intl.NumberFormat(language).format(answeringMinutes(length)) })
  const blockCount = String(shortForm?.blocks.length ?? 3)
  const propose = (
    <div className="editor-row">
      <InputField
        name={SHORT_FORM_BLOCKS_FIELD}
        label={t('shortForm.blockCount')}
        value={blockCount}
        type="number"
        min={SHORT_FORM_BLOCK_COUNTS.min}
        max={SHORT_FORM_BLOCK_COUNTS.max}
        required
      />
      <button type="submit" name="intent" value="proposeShortForm" className="secondary">
        {t(shortForm ? 'shortForm.proposeAgain' : 'shortForm.propose')}
      </button>
      {shortForm ? (
        <button type="submit" name="intent" value="clearShortForm" className="secondary">
          {t('shortForm.clear')}
        </button>
      ) : null}
    </div>
  )
  if (!shortForm) {
    return (
      <section aria-labelledby="short-form-heading" className="editor-section">
        <h2 id="short-form-heading">{t('shortForm.heading')}</h2>
        <p>{t('shortForm.none')}</p>
        {propose}
      </section>
    )
  }

  const lengths = formLengths(shortForm)
  const full = allItems(definition).length
  const place = new Map<string, string>([
    ...shortForm.core.map((code) => [code, 'core'] as const),
    ...shortForm.blocks.flatMap((block, b) => block.items.map((code) => [code, String(b + 1)] as const)),
  ])
  const places = [
    { value: 'core', label: t('shortForm.core') },
    ...shortForm.blocks.map((block, b) => ({ value: String(b + 1), label: t('shortForm.blockName', { number: b + 1, code: block.code }) })),
  ]
  return (
    <section aria-labelledby="short-form-heading" className="editor-section" id="short-form">
      <h2 id="short-form-heading">{t('shortForm.heading')}</h2>
      <input type="hidden" name={SHORT_FORM_FIELD} value="shown" />
      <p>{t('shortForm.explanation', { count: shortForm.blocks.length })}</p>
      <table className="short-form-forms">
        <caption>{t('shortForm.formsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shortForm.form')}</th>
            <th scope="col">{t('shortForm.blockItems')}</th>
            <th scope="col">{t('shortForm.answers')}</th>
            <th scope="col">{t('shortForm.minutes')}</th>
            <th scope="col">{t('shortForm.previewColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {shortForm.blocks.map((block, b) => (
            <tr key={b}>
              <th scope="row">{t('shortForm.coreAnd', { block: block.title[language] || block.code })}</th>
              <td>{block.items.length}</td>
              <td>{lengths.blocks[b]}</td>
              <td>{minutes(formLength(askedDefinition(definition, b)))}</td>
              <td>
                <a href={`${previewBase}?block=${b + 1}`}>{t('shortForm.previewBlock', { block: block.title[language] || block.code })}</a>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('shortForm.fullForm')}</th>
            <td>{full - lengths.core}</td>
            <td>{full}</td>
            <td>{minutes(formLength(definition))}</td>
            <td>
              <a href={previewBase}>{t('shortForm.previewFull')}</a>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="preview-condition">{t('shortForm.timeModel')}</p>
      {propose}
      {shortForm.blocks.map((block, b) => (
        <fieldset key={b} className="editor-item">
          <legend>{t('shortForm.blockName', { number: b + 1, code: block.code })}</legend>
          <div className="editor-row">
            <InputField name={shortFormField(b, 'code')} label={t('editor.code')} value={block.code} required />
            <TextPair name={shortFormField(b, 'title')} label={t('shortForm.blockTitle')} value={block.title} />
          </div>
        </fieldset>
      ))}
      <table className="short-form-places">
        <caption>{t('shortForm.placesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('editor.code')}</th>
            <th scope="col">{t('editor.text')}</th>
            <th scope="col">{t('shortForm.place')}</th>
          </tr>
        </thead>
        <tbody>
          {definition.sections.flatMap((section, s) =>
            section.items.map((item, i) => {
              const name = field.item(s, i, SHORT_FORM_PLACE)
              return (
                <tr key={`${item.code}-${s}-${i}`}>
                  <th scope="row">
                    <label htmlFor={name}>{item.code}</label>
                  </th>
                  <td>{item.text[language]}</td>
                  <td>
                    <select id={name} name={name} defaultValue={place.get(item.code) ?? ''}>
                      {place.has(item.code) ? null : (
                        <option value="" disabled>
                          {t('shortForm.unplaced')}
                        </option>
                      )}
                      {places.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              )
            }),
          )}
        </tbody>
      </table>
    </section>
  )
}
