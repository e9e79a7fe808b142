import { zodResolver } from '@hookform/resolvers/zod'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { type ImprovementActionInput, ImprovementActionSchema, MAX_ACTION_LENGTH, MAX_OWNER_LENGTH } from '~/analysis/improvement-actions'
import { type ActionAnswer, formFields } from '~/forms/form-fields'
import { formatPercent } from '~/i18n/format'
import { CheckedForm } from '~/ui/checked-form'
import { CsrfInput } from '~/ui/csrf-input'
import { ErrorSummary } from '~/ui/error-summary'
import { Field } from '~/ui/field'
import type { action, loader } from './route'

type PlanData = ReturnType<typeof useLoaderData<typeof loader>>

/**
 * Records an action (or edits one, ?edit=<id>): react-hook-form checks it in the browser with the
 * action's own schema; the action checks it again and refuses a criterion without a figure in the
 * base period. The criterion and base period of an existing action stay as recorded.
 */
export function ActionForm({ data }: { data: PlanData }) {
  const { t } = useTranslation('improvement')
  const busy = useNavigation().state === 'submitting'
  const actionData = useActionData<typeof action>() as ActionAnswer | undefined
  const { editing, criteria, basePeriod, targetPeriods, locale } = data
  const posted = actionData?.values
  const initial = {
    basePeriod: editing?.basePeriod ?? basePeriod,
    targetPeriod: posted?.targetPeriod ?? editing?.targetPeriod ?? targetPeriods[0] ?? '',
    criterionCode: posted?.criterionCode ?? editing?.criterionCode ?? criteria[0]?.code ?? '',
    action: posted?.action ?? editing?.action ?? '',
    owner: posted?.owner ?? editing?.owner ?? '',
    dueOn: posted?.dueOn ?? editing?.dueOn ?? '',
    targetValue: posted?.targetValue ?? (editing ? String(editing.targetValue) : ''),
  }
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ImprovementActionInput>({
    resolver: zodResolver(ImprovementActionSchema) as never,
    defaultValues: initial as unknown as ImprovementActionInput,
  })
  const params = { maxAction: MAX_ACTION_LENGTH, maxOwner: MAX_OWNER_LENGTH }
  const { error } = formFields(actionData, t, { params, clientErrors: errors })
  const fields = ['criterionCode', 'action', 'owner', 'dueOn', 'targetValue', 'targetPeriod'] as const
  const summary = fields.flatMap((name) => {
    const message = error(name)
    return message ? [{ href: `#${name}`, message }] : []
  })
  const targetPeriodOptions = [...new Set([...targetPeriods, initial.targetPeriod])].filter(Boolean)
  return (
    <section id="action-form" aria-labelledby="action-form-title">
      <h2 id="action-form-title">{editing ? t('actions.editTitle') : t('actions.newTitle')}</h2>
      <ErrorSummary title={t('actions.errorTitle')} errors={summary} />
      {criteria.length === 0 && !editing ? (
        <p>{t('actions.noCriteria', { period: basePeriod })}</p>
      ) : (
        <CheckedForm handleSubmit={handleSubmit}>
          <CsrfInput />
          <input type="hidden" name="intent" value={editing ? 'update' : 'create'} />
          {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
          <input type="hidden" {...register('basePeriod')} />
          {editing ? (
            <>
              <input type="hidden" {...register('criterionCode')} />
              <p>{t('actions.editingCriterion', { criterion: data.labels[editing.criterionCode] ?? editing.criterionCode })}</p>
            </>
          ) : (
            <Field name="criterionCode" label={t('actions.criterion')} hint={t('actions.criterionHint', { period: basePeriod })} error={error('criterionCode')}>
              {(props) => (
                <select {...props} {...register('criterionCode')}>
                  {criteria.map((criterion) => (
                    <option key={criterion.code} value={criterion.code}>
                      {criterion.value === null ? criterion.label : t('actions.criterionOption', { label: criterion.label, value: formatPercent(criterion.value, locale) })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field name="action" label={t('actions.action')} hint={t('actions.actionHint', params)} error={error('action')}>
            {(props) => <textarea {...props} rows={3} maxLength={MAX_ACTION_LENGTH} {...register('action')} />}
          </Field>
          <Field name="owner" label={t('actions.owner')} hint={t('actions.ownerHint')} error={error('owner')}>
            {(props) => <input {...props} maxLength={MAX_OWNER_LENGTH} {...register('owner')} />}
          </Field>
          <Field name="dueOn" label={t('actions.dueOn')} hint={t('actions.dueOnHint')} error={error('dueOn')}>
            {(props) => <input {...props} type="date" {...register('dueOn')} />}
          </Field>
          <Field name="targetPeriod" label={t('actions.targetPeriod')} error={error('targetPeriod')}>
            {(props) => (
              <select {...props} {...register('targetPeriod')}>
                {targetPeriodOptions.map((period) => (
                  <option key={period} value={period}>
                    {period}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="targetValue" label={t('actions.targetValueLabel')} hint={t('actions.targetValueHint')} error={error('targetValue')}>
            {(props) => <input {...props} inputMode="decimal" {...register('targetValue')} />}
          </Field>
          <button type="submit" disabled={busy}>
            {editing ? t('actions.save') : t('actions.record')}
          </button>
        </CheckedForm>
      )}
    </section>
  )
}
