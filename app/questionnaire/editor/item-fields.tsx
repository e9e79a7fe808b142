import { useTranslation } from 'react-i18next'
import { CHOICE_KINDS, type Item, ITEM_KINDS } from '../definition'
import { field } from './form'
import { TextPair } from './text-pair'
import type { ConditionChoices } from './condition-fields'
import { ConditionFields } from './condition-fields'
import { InputField } from '~/ui/input-field'
import { SelectField } from '~/ui/select-field'

type Props = {
  item: Item
  section: number
  index: number
  count: number
  /** Codes asked before this item: the only ones a condition may use. */
  earlier: ConditionChoices
  elements: readonly { code: string; name: string }[]
  element: string | undefined
  /** Whether kiosks ask the item (the kiosk form); the screening item always. */
  kiosk: boolean | 'always'
}

/** One item in the editor: code, kind, texts in both languages, options, condition, element. */
export function ItemFields({ item, section: s, index: i, count, earlier, elements, element, kiosk }: Props) {
  const { t } = useTranslation('questionnaire')
  const name = (...path: string[]) => field.item(s, i, ...path)
  const checkbox = (flag: 'required' | 'allowDontKnow' | 'allowNotApplicable') => (
    <label className="checkbox">
      <input type="checkbox" name={name(flag)} defaultChecked={item[flag]} /> {t(`editor.${flag}`)}
    </label>
  )
  return (
    <fieldset id={`item-${item.code}`} className="editor-item">
      <legend>{t('editor.itemLegend', { position: i + 1, code: item.code })}</legend>
      <div className="editor-row">
        <InputField name={name('code')} label={t('editor.code')} value={item.code} required />
        <SelectField
          name={name('kind')}
          label={t('editor.kind')}
          value={item.kind}
          options={ITEM_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        />
        <SelectField
          name={name('element')}
          label={t('editor.element')}
          value={element}
          empty={t('editor.noElement')}
          options={elements.map((candidate) => ({ value: candidate.code, label: candidate.name }))}
        />
      </div>
      <TextPair name={name('text')} label={t('editor.text')} value={item.text} multiline />
      <TextPair name={name('help')} label={t('editor.help')} value={item.help} />
      <div className="editor-row">
        {checkbox('required')}
        {checkbox('allowDontKnow')}
        {checkbox('allowNotApplicable')}
        <label className="checkbox">
          <input type="checkbox" name={name('kiosk')} defaultChecked={kiosk !== false} disabled={kiosk === 'always'} />{' '}
          {t(kiosk === 'always' ? 'editor.kioskAlways' : 'editor.kiosk')}
        </label>
      </div>
      {CHOICE_KINDS.includes(item.kind) ? (
        <fieldset className="editor-options">
          <legend>{t('editor.options')}</legend>
          {(item.options ?? []).map((option, o) => (
            <div key={o} className="editor-row">
              <div className="field narrow">
                <label htmlFor={field.option(s, i, o, 'value')}>{t('editor.optionValue')}</label>
                <input
                  id={field.option(s, i, o, 'value')}
                  name={field.option(s, i, o, 'value')}
                  type="number"
                  min={1}
                  defaultValue={option.value}
                />
              </div>
              <TextPair name={field.option(s, i, o, 'label')} label={t('editor.optionLabel', { value: option.value })} value={option.label} />
              <button type="submit" name="intent" value={`removeOption:${s}:${i}:${o}`} className="secondary">
                {t('editor.removeOption', { value: option.value })}
              </button>
            </div>
          ))}
          <button type="submit" name="intent" value={`addOption:${s}:${i}`} className="secondary">
            {t('editor.addOption')}
          </button>
        </fieldset>
      ) : null}
      <ConditionFields name={name('showIf')} condition={item.showIf} choices={earlier} />
      <div className="editor-row">
        <button type="submit" name="intent" value={`moveItem:${s}:${i}:-1`} className="secondary" disabled={i === 0}>
          {t('editor.moveUp')}
        </button>
        <button type="submit" name="intent" value={`moveItem:${s}:${i}:1`} className="secondary" disabled={i === count - 1}>
          {t('editor.moveDown')}
        </button>
        <button type="submit" name="intent" value={`removeItem:${s}:${i}`} className="secondary">
          {t('editor.removeItem', { code: item.code })}
        </button>
      </div>
    </fieldset>
  )
}
