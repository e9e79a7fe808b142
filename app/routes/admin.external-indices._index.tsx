import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AdminField, AdminTable } from '~/auth/admin-field'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { textValues } from '~/auth/form-values'
import { requireRole } from '~/auth/permissions.server'
import { formatDecimal } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { GroupsSchema, SipasPointsFormSchema } from '~/ranking/admin-forms'
import { EXTERNAL_SCORE_COLUMNS, type ImportProblem, MAX_IMPORT_ROWS } from '~/ranking/external-import'
import { importExternalScores, summarizeExternalScores } from '~/ranking/external-import.server'
import { INDICES } from '~/ranking/indices'
import { RankingAdminNav } from '~/ranking/ranking-admin-nav'
import { listRankingSettings, setGroupThresholds, setSipasCriterionPoints } from '~/ranking/ranking-settings.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['rankings'] } satisfies I18nHandle

/** Imported indices and ranking configuration change published figures: Ministry administrator only. */
const ADMIN = ['ministry_admin'] as const

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ADMIN)
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

type ActionResult = {
  form: 'import' | 'groups' | 'points'
  fieldErrors: Record<string, string[] | undefined>
  values: Record<string, string>
  problems: ImportProblem[]
  done: string | null
}

const result = (partial: Partial<ActionResult> & Pick<ActionResult, 'form'>, status = 200) =>
  data<ActionResult>({ fieldErrors: {}, values: {}, problems: [], done: null, ...partial }, { status })

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ADMIN)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const values = textValues(formData)
  const intent = formData.get('intent')

  if (intent === 'import') {
    const file = formData.get('file')
    if (!(file instanceof File) || file.size === 0) {
      return result({ form: 'import', fieldErrors: { file: ['admin.errors.file'] } }, 400)
    }
    const imported = await importExternalScores(await file.text(), actor.id)
    if (imported.problems.length > 0) return result({ form: 'import', problems: imported.problems }, 400)
    return result({ form: 'import', done: String(imported.imported) })
  }

  if (intent === 'groups') {
    const parsed = GroupsSchema.safeParse(values)
    if (!parsed.success)
      return result({ form: 'groups', fieldErrors: z.flattenError(parsed.error).fieldErrors, values }, 400)
    await setGroupThresholds(parsed.data.index, parsed.data.year, parsed.data.bands, actor.id)
    return result({ form: 'groups', done: `${parsed.data.index} ${parsed.data.year}` })
  }

  if (intent === 'points') {
    const parsed = SipasPointsFormSchema.safeParse(values)
    if (!parsed.success)
      return result({ form: 'points', fieldErrors: z.flattenError(parsed.error).fieldErrors, values }, 400)
    await setSipasCriterionPoints(parsed.data.year, parsed.data.points, actor.id)
    return result({ form: 'points', done: String(parsed.data.year) })
  }

  return result({ form: 'import', fieldErrors: { file: ['admin.errors.file'] } }, 400)
}

export default function ExternalIndicesPage() {
  const { imported, settings, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('rankings')
  const errorOf = (form: ActionResult['form'], field: string) => {
    if (actionData?.form !== form) return undefined
    const key = actionData.fieldErrors[field]?.[0]
    return key ? t(key) : undefined
  }
  const valueOf = (form: ActionResult['form'], field: string) =>
    actionData?.form === form ? actionData.values[field] : undefined
  const dateTime = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'Asia/Ho_Chi_Minh',
  })

  return (
    <>
      <h1>{t('admin.external.title')}</h1>
      <RankingAdminNav />

      <h2>{t('admin.external.importTitle')}</h2>
      <p>{t('admin.external.format', { columns: EXTERNAL_SCORE_COLUMNS.join(', '), max: MAX_IMPORT_ROWS })}</p>
      <pre className="csv-sample">{'unit_code;year;index;score\n31;2024;PAR_INDEX;96,17\n19;2024;PAR_INDEX;91,47'}</pre>
      {actionData?.form === 'import' && actionData.done ? (
        <p className="notice" role="status">
          {t('admin.external.imported', { rows: actionData.done })}
        </p>
      ) : null}
      {actionData?.form === 'import' && actionData.problems.length > 0 ? (
        <div className="notice error-summary" role="alert">
          <p>
            <strong>{t('admin.external.problemsTitle', { problems: actionData.problems.length })}</strong>
          </p>
          <ul>
            {actionData.problems.map((problem, index) => (
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
        <AdminField name="file" label={t('admin.external.file')} error={errorOf('import', 'file')}>
          {(props) => <input {...props} type="file" accept=".csv,text/csv" required />}
        </AdminField>
        <button type="submit">{t('admin.external.import')}</button>
      </Form>

      <h2>{t('admin.external.importedTitle')}</h2>
      {imported.length === 0 ? (
        <p>{t('admin.external.noneImported')}</p>
      ) : (
        <AdminTable
          caption={t('admin.external.importedTitle')}
          columns={[
            { label: t('form.year') },
            { label: t('form.index') },
            { label: t('admin.external.units'), numeric: true },
            { label: t('admin.external.lastImport') },
          ]}
        >
          {imported.map((row) => (
            <tr key={`${row.index}-${row.year}`}>
              <td>{row.year}</td>
              <td>
                <a href={`/rankings?year=${row.year}&index=${row.index}`}>{t(`indices.${row.index}`)}</a>
              </td>
              <td className="num">{row.count}</td>
              <td>{row.importedAt ? dateTime.format(new Date(row.importedAt)) : ''}</td>
            </tr>
          ))}
        </AdminTable>
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
        <AdminField name="groups-index" label={t('form.index')} error={errorOf('groups', 'index')}>
          {(props) => (
            <select {...props} name="index" defaultValue={valueOf('groups', 'index') ?? 'SIPAS'}>
              {INDICES.map((index) => (
                <option key={index} value={index}>
                  {t(`indices.${index}`)}
                </option>
              ))}
            </select>
          )}
        </AdminField>
        <YearField name="groups-year" error={errorOf('groups', 'year')} value={valueOf('groups', 'year')} />
        <AdminField name="groups-bands" label={t('admin.external.bands')} error={errorOf('groups', 'bands')}>
          {(props) => (
            <input {...props} name="bands" defaultValue={valueOf('groups', 'bands') ?? 'A:90, B:80, C:70, D:0'} />
          )}
        </AdminField>
      </SettingsForm>

      <h3>{t('admin.external.pointsTitle')}</h3>
      <p>{t('admin.external.pointsHelp')}</p>
      <SettingsForm intent="points">
        <YearField name="points-year" error={errorOf('points', 'year')} value={valueOf('points', 'year')} />
        <AdminField name="points-points" label={t('admin.external.points')} error={errorOf('points', 'points')}>
          {(props) => (
            <input {...props} name="points" inputMode="decimal" required defaultValue={valueOf('points', 'points')} />
          )}
        </AdminField>
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
      {actionData?.form === intent && actionData.done ? (
        <p className="notice" role="status">
          {t('admin.external.saved')}
        </p>
      ) : null}
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value={intent} />
        {children}
        <button type="submit">{t('admin.external.save')}</button>
      </Form>
    </>
  )
}

/** The year a setting applies to; this year unless the user typed another. */
function YearField({ name, error, value }: { name: string; error?: string; value?: string }) {
  const { thisYear } = useLoaderData<typeof loader>()
  const { t } = useTranslation('rankings')
  return (
    <AdminField name={name} label={t('form.year')} error={error}>
      {(props) => (
        <input {...props} name="year" inputMode="numeric" required defaultValue={value ?? String(thisYear)} />
      )}
    </AdminField>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
