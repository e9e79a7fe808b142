import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/ui/csrf-input'
import { requireCapability, requireCapabilityForm } from '~/auth/permissions.server'
import { canManageRankings } from '~/auth/policy'
import { formFields } from '~/forms/form-fields'
import { textValues } from '~/forms/form-values'
import { parseForm, rejectForm } from '~/forms/reject-form.server'
import { formatDate, formatDecimal } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { GroupsSchema, SipasPointsFormSchema } from '~/ranking/admin-forms'
import { EXTERNAL_SCORE_COLUMNS, MAX_IMPORT_ROWS, RANK_COLUMN } from '~/ranking/external-import-format'
import { importExternalScores, summarizeExternalScores } from '~/ranking/external-import.server'
import { INDICES } from '~/ranking/indices'
import { RankingAdminNav } from '~/ranking/ranking-admin-nav'
import { listRankingSettings, setGroupThresholds, setSipasCriterionPoints } from '~/ranking/ranking-settings.server'
import { DataTable } from '~/ui/data-table'
import { Field } from '~/ui/field'
import { pageTitle } from '~/ui/page-title'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { StatusNotice } from '~/ui/status-notice'
import { IntentForm } from '~/ui/intent-form'

export const handle = { i18n: ['rankings'] } satisfies I18nHandle

/** Imported indices and ranking configuration change published figures: Ministry administrator only. */

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, canManageRankings)
  const [imported, settings, t, locale] = await Promise.all([
    summarizeExternalScores(),
    listRankingSettings(),
    getFixedT(request, 'rankings'),
    getLanguage(request),
  ])
  return {
    title: t('admin.external.metaTitle'),
    imported: imported.map((row) => ({ ...row, importedAt: row.importedAt?.toISOString() ?? null })),
    settings,
    locale,
    thisYear: new Date().getUTCFullYear(),
  }
}

/** The page's three forms; the action's answer names the one it answers. */
type SettingsFormName = 'import' | 'groups' | 'points'

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canManageRankings)
  const values = textValues(formData)
  const intent = formData.get('intent')

  if (intent === 'import') {
    const file = formData.get('file')
    if (!(file instanceof File) || file.size === 0) return refuseFile(values)
    const imported = await importExternalScores(await file.text(), actor.id)
    if (imported.problems.length > 0) {
      return rejectForm({ form: 'import' as const, fieldErrors: {}, values, problems: imported.problems })
    }
    return data({ form: 'import' as const, done: String(imported.imported) })
  }

  if (intent === 'groups') {
    const { data: groups, rejection } = parseForm(GroupsSchema, formData, { form: 'groups' as const })
    if (rejection) return rejection
    await setGroupThresholds(groups.index, groups.year, groups.bands, actor.id)
    return data({ form: 'groups' as const, done: `${groups.index} ${groups.year}` })
  }

  if (intent === 'points') {
    const { data: points, rejection } = parseForm(SipasPointsFormSchema, formData, { form: 'points' as const })
    if (rejection) return rejection
    await setSipasCriterionPoints(points.year, points.points, actor.id)
    return data({ form: 'points' as const, done: String(points.year) })
  }

  return refuseFile(values)
}

/** No file, an empty one, or a post that names none of the forms. */
function refuseFile(values: Record<string, string>) {
  return rejectForm({ form: 'import' as const, fieldErrors: { file: { key: 'admin.errors.file' } }, values })
}

export default function ExternalIndicesPage() {
  const { imported, settings, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('rankings')
  const fieldsOf = (form: SettingsFormName) => formFields(actionData?.form === form ? actionData : undefined, t)
  const [importForm, groupsForm, pointsForm] = [fieldsOf('import'), fieldsOf('groups'), fieldsOf('points')]
  const problems = actionData && 'problems' in actionData ? actionData.problems : []

  return (
    <>
      <h1>{t('admin.external.title')}</h1>
      <RankingAdminNav />

      <h2>{t('admin.external.importTitle')}</h2>
      <p>{t('admin.external.format', { columns: EXTERNAL_SCORE_COLUMNS.join(', '), max: MAX_IMPORT_ROWS })}</p>
      <p>{t('admin.external.rankFormat', { column: RANK_COLUMN })}</p>
      <pre className="csv-sample">{'unit_code;year;index;score;rank\n31;2024;PAR_INDEX;96,17;1\n19;2024;PAR_INDEX;91,47;5'}</pre>
      <StatusNotice
        message={actionData?.form === 'import' && 'done' in actionData ? t('admin.external.imported', { rows: actionData.done }) : null}
      />
      {problems.length > 0 ? (
        <div className="notice error-summary" role="alert">
          <p>
            <strong>{t('admin.external.problemsTitle', { problems: problems.length })}</strong>
          </p>
          <ul>
            {problems.map((problem, index) => (
              <li key={`${problem.line}-${index}`}>
                {t('admin.external.problemLine', { line: problem.line })} {t(problem.key, problem.values)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data">
        <CsrfInput />
        <input type="hidden" name="intent" value="import" />
        <Field name="file" label={t('admin.external.file')} error={importForm.error('file')}>
          {(props) => <input {...props} type="file" accept=".csv,text/csv" required />}
        </Field>
        <button type="submit">{t('admin.external.import')}</button>
      </Form>

      <h2>{t('admin.external.importedTitle')}</h2>
      {imported.length === 0 ? (
        <p>{t('admin.external.noneImported')}</p>
      ) : (
        <DataTable
          caption={t('admin.external.importedTitle')}
          hideCaption
          columns={[
            { label: t('form.year') },
            { label: t('form.index') },
            { label: t('admin.external.units'), numeric: true },
            { label: t('admin.external.lastImport') },
          ]}
          rows={imported.map((row) => ({
            key: `${row.index}-${row.year}`,
            cells: [
              row.year,
              <a href={`/rankings?year=${row.year}&index=${row.index}`}>
                {t(`indices.${row.index}`)}
              </a>,
              row.count,
              row.importedAt ? formatDate(row.importedAt, locale) : '',
            ],
          }))}
        />
      )}

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
        <Field name="groups-index" label={t('form.index')} error={groupsForm.error('index')}>
          {(props) => (
            <select {...props} name="index" defaultValue={groupsForm.values.index ?? 'SIPAS'}>
              {INDICES.map((index) => (
                <option key={index} value={index}>
                  {t(`indices.${index}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <YearField name="groups-year" error={groupsForm.error('year')} value={groupsForm.values.year} />
        <Field name="groups-bands" label={t('admin.external.bands')} error={groupsForm.error('bands')}>
          {(props) => (
            <input {...props} name="bands" defaultValue={groupsForm.values.bands ?? 'A:90, B:80, C:70, D:0'} />
          )}
        </Field>
      </SettingsForm>

      <h3>{t('admin.external.pointsTitle')}</h3>
      <p>{t('admin.external.pointsHelp')}</p>
      <SettingsForm intent="points">
        <YearField name="points-year" error={pointsForm.error('year')} value={pointsForm.values.year} />
        <Field name="points-points" label={t('admin.external.points')} error={pointsForm.error('points')}>
          {(props) => (
            <input {...props} name="points" inputMode="decimal" required defaultValue={pointsForm.values.points} />
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

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
