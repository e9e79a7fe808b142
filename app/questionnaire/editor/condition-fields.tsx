import { useTranslation } from 'react-i18next'
import type { Condition } from '../definition'

export type ConditionChoices = readonly string[]

const OPS: readonly Condition['op'][] = ['equals', 'notEquals', 'in', 'answered']

/** "Show only when an earlier answer …": the item, the comparison and the value(s). */
export function ConditionFields({
  name,
  condition,
  choices,
}: {
  name: string
  condition: Condition | undefined
  choices: ConditionChoices
}) {
  const { t } = useTranslation('questionnaire')
  const value = condition?.value === undefined ? '' : [condition.value].flat().join(', ')
  // A condition on an item that is no longer earlier stays selectable, so the problem list can name it.
  const options = condition && !choices.includes(condition.item) ? [...choices, condition.item] : choices
  return (
    <fieldset className="editor-condition">
      <legend>{t('editor.condition')}</legend>
      <div className="editor-row">
        <div className="field">
          <label htmlFor={`${name}.item`}>{t('editor.conditionItem')}</label>
          <select id={`${name}.item`} name={`${name}.item`} defaultValue={condition?.item ?? ''}>
            <option value="">{t('editor.always')}</option>
            {options.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${name}.op`}>{t('editor.conditionOp')}</label>
          <select id={`${name}.op`} name={`${name}.op`} defaultValue={condition?.op ?? 'equals'}>
            {OPS.map((op) => (
              <option key={op} value={op}>
                {t(`ops.${op}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${name}.value`}>{t('editor.conditionValue')}</label>
          <input id={`${name}.value`} name={`${name}.value`} defaultValue={value} inputMode="numeric" />
        </div>
      </div>
    </fieldset>
  )
}
