import { useTranslation } from 'react-i18next'
import type { Condition } from '../definition'
import { InputField } from '~/ui/input-field'
import { SelectField } from '~/ui/select-field'

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
        <SelectField
          name={`${name}.item`}
          label={t('editor.conditionItem')}
          value={condition?.item}
          empty={t('editor.always')}
          options={options.map((code) => ({ value: code, label: code }))}
        />
        <SelectField
          name={`${name}.op`}
          label={t('editor.conditionOp')}
          value={condition?.op ?? 'equals'}
          options={OPS.map((op) => ({ value: op, label: t(`ops.${op}`) }))}
        />
        <InputField name={`${name}.value`} label={t('editor.conditionValue')} value={value} inputMode="numeric" />
      </div>
    </fieldset>
  )
}
