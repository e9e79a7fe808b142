import { useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formFields } from '~/forms/form-fields'
import { formatDecimal } from '~/i18n/format'
import { INDICES } from '~/ranking/indices'
import { Field } from '~/ui/field'
import { IntentForm } from '~/ui/intent-form'
import { StatusNotice } from '~/ui/status-notice'
import type { action, loader } from './route'

/** The page's three forms; the action's answer names the one it answers. */
type SettingsFormName = 'import' | 'groups' | 'points'

/** The values and errors of one of the page's forms: the action's answer if it answers that form. */
export function useFormFields(form: SettingsFormName) {
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('rankings')
  return formFields(actionData?.form === form ? actionData : undefined, t)
}

/** The ranking settings in force, and the forms that set group thresholds and SIPAS criterion points. */
export function SettingsSection() {
  const { settings, locale } = useLoaderData<typeof loader>()
  const { t } = useTranslation('rankings')
  const groups = useFormFields('groups')
  const points = useFormFields('points')
  return (
    <>
      <h2>{t('admin.external.settingsTitle')}</h2>
      {settings.length === 0 ? (
        <p>{t('admin.external.defaultsOnly')}</p>
      ) : (
        <ul>
          {settings.map((setting) => (
            <li key={setting.key}>
              {setting.kind === 'groups'
                ? t('admin.external.groupsSetting', {
                    index: t(`indices.${setting.index}`),
                    year: setting.year ?? t('admin.external.everyYear'),
                    bands: setting.bands,
                  })
                : t('admin.external.pointsSetting', {
                    year: setting.year ?? t('admin.external.everyYear'),
                    points: formatDecimal(setting.points, locale),
                  })}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('admin.external.groupsTitle')}</h3>
      <SettingsForm intent="groups">
        <Field name="groups-index" label={t('form.index')} error={groups.error('index')}>
          {(props) => (
            <select {...props} name="index" defaultValue={groups.values.index ?? 'SIPAS'}>
              {INDICES.map((index) => (
                <option key={index} value={index}>
                  {t(`indices.${index}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <YearField name="groups-year" error={groups.error('year')} value={groups.values.year} />
        <Field name="groups-bands" label={t('admin.external.bands')} error={groups.error('bands')}>
          {(props) => <input {...props} name="bands" defaultValue={groups.values.bands ?? 'A:90, B:80, C:70, D:0'} />}
        </Field>
      </SettingsForm>

      <h3>{t('admin.external.pointsTitle')}</h3>
      <p>{t('admin.external.pointsHelp')}</p>
      <SettingsForm intent="points">
        <YearField name="points-year" error={points.error('year')} value={points.values.year} />
        <Field name="points-points" label={t('admin.external.points')} error={points.error('points')}>
          {(props) => (
            <input {...props} name="points" inputMode="decimal" required defaultValue={points.values.points} />
          )}
        </Field>
      </SettingsForm>
    </>
  )
}

/** A ranking-settings form: its "saved" notice once the action took it, its fields, the save button. */
function SettingsForm({ intent, children }: { intent: 'groups' | 'points'; children: ReactNode }) {
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('rankings')
  return (
    <>
      <StatusNotice message={actionData?.form === intent && 'done' in actionData ? t('admin.external.saved') : null} />
      <IntentForm intent={intent}>
        {children}
        <button type="submit">{t('admin.external.save')}</button>
      </IntentForm>
    </>
  )
}

/** The year a setting applies to; this year unless the user typed another. */
function YearField({ name, error, value }: { name: string; error?: string; value?: string }) {
  const { thisYear } = useLoaderData<typeof loader>()
  const { t } = useTranslation('rankings')
  return (
    <Field name={name} label={t('form.year')} error={error}>
      {(props) => (
        <input {...props} name="year" inputMode="numeric" required defaultValue={value ?? String(thisYear)} />
      )}
    </Field>
  )
}
