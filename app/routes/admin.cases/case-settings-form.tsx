import { zodResolver } from '@hookform/resolvers/zod'
import { useNavigation } from '@remix-run/react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { CASE_SETTING_LIMITS, type CaseSettings, NATIONAL_DAY_SECOND_DAYS } from '~/cases/settings'
import { CaseSettingsFormSchema, type CaseSettingsFormInput, type CaseSettingsFormOutput, daysOffText, firstInvalidDay, MAX_EXTRA_DAYS_OFF } from '~/cases/settings-form'
import { formFields, type ActionAnswer } from '~/forms/form-fields'
import { CheckedForm } from '~/ui/checked-form'
import { CsrfInput } from '~/ui/csrf-input'
import { ErrorSummary } from '~/ui/error-summary'
import { Field } from '~/ui/field'

const NUMBER_FIELDS = ['dissatisfiedAtOrBelow', 'deadlineWorkingDays', 'contactRetentionDays'] as const
const FIELDS = [...NUMBER_FIELDS, 'nationalDaySecondDay', 'extraDaysOff'] as const

/**
 * The Ministry administrator's form of the case rules: react-hook-form checks it in the browser
 * with the action's own schema, the action checks it again. After a refusal it shows what was
 * typed, else the settings in force.
 */
export function CaseSettingsForm({ settings, actionData }: { settings: CaseSettings; actionData: ActionAnswer | undefined }) {
  const { t } = useTranslation('cases')
  const busy = useNavigation().state === 'submitting'
  const typed = actionData?.values
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<CaseSettingsFormInput, unknown, CaseSettingsFormOutput>({
    resolver: zodResolver(CaseSettingsFormSchema),
    defaultValues: {
      dissatisfiedAtOrBelow: typed?.dissatisfiedAtOrBelow ?? String(settings.dissatisfiedAtOrBelow),
      deadlineWorkingDays: typed?.deadlineWorkingDays ?? String(settings.deadlineWorkingDays),
      contactRetentionDays: typed?.contactRetentionDays ?? String(settings.contactRetentionDays),
      nationalDaySecondDay: (typed?.nationalDaySecondDay ?? settings.nationalDaySecondDay) as CaseSettings['nationalDaySecondDay'],
      extraDaysOff: typed?.extraDaysOff ?? daysOffText(settings.extraDaysOff),
    },
  })
  const limits = Object.fromEntries(NUMBER_FIELDS.flatMap((name) => [[`${name}Min`, CASE_SETTING_LIMITS[name].min], [`${name}Max`, CASE_SETTING_LIMITS[name].max]]))
  const params = { ...limits, day: firstInvalidDay(watch('extraDaysOff') ?? '') ?? '', max: MAX_EXTRA_DAYS_OFF }
  const { error } = formFields(actionData, t, { params, clientErrors: errors })
  const summary = FIELDS.flatMap((name) => {
    const message = error(name)
    return message ? [{ href: `#${name}`, label: t(`settings.fields.${name}`), message }] : []
  })

  return (
    <CheckedForm handleSubmit={handleSubmit}>
      <ErrorSummary title={t('settings.errorSummary')} errors={summary} autoFocus={summary.length > 0} />
      <CsrfInput />
      {NUMBER_FIELDS.map((name) => (
        <Field key={name} name={name} label={t(`settings.fields.${name}`)} hint={t(`settings.hints.${name}`, params)} error={error(name)}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={CASE_SETTING_LIMITS[name].min}
              max={CASE_SETTING_LIMITS[name].max}
              required
              {...register(name)}
            />
          )}
        </Field>
      ))}
      <Field
        name="nationalDaySecondDay"
        label={t('settings.fields.nationalDaySecondDay')}
        hint={t('settings.hints.nationalDaySecondDay')}
        error={error('nationalDaySecondDay')}
      >
        {(props) => (
          <select {...props} {...register('nationalDaySecondDay')}>
            {NATIONAL_DAY_SECOND_DAYS.map((option) => (
              <option key={option} value={option}>
                {t(`settings.nationalDay.${option}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="extraDaysOff" label={t('settings.fields.extraDaysOff')} hint={t('settings.hints.extraDaysOff', params)} error={error('extraDaysOff')}>
        {(props) => <textarea {...props} rows={8} spellCheck={false} {...register('extraDaysOff')} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t('settings.save')}
      </button>
    </CheckedForm>
  )
}
