import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '~/i18n/format'
import { EXTERNAL_SCORE_COLUMNS, MAX_IMPORT_ROWS, RANK_COLUMN } from '~/ranking/external-import-format'
import { CsrfInput } from '~/ui/csrf-input'
import { numericColumn } from '~/ui/data-table'
import { Field } from '~/ui/field'
import { ListTable } from '~/ui/list-table'
import { StatusNotice } from '~/ui/status-notice'
import type { action, loader } from './route'
import { useFormFields } from './settings-section'

/** Importing other organisations' indices from a CSV file, its problems line by line, and what has been imported. */
export function ImportSection() {
  const { imported, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('rankings')
  const fields = useFormFields('import')
  const problems = actionData && 'problems' in actionData ? actionData.problems : []
  return (
    <>
      <h2>{t('admin.external.importTitle')}</h2>
      <p>{t('admin.external.format', { columns: EXTERNAL_SCORE_COLUMNS.join(', '), max: MAX_IMPORT_ROWS })}</p>
      <p>{t('admin.external.rankFormat', { column: RANK_COLUMN })}</p>
      <pre className="csv-sample">
        {'unit_code;year;index;score;rank\n31;2024;PAR_INDEX;96,17;1\n19;2024;PAR_INDEX;91,47;5'}
      </pre>
      <StatusNotice
        message={
          actionData?.form === 'import' && 'done' in actionData
            ? t('admin.external.imported', { rows: actionData.done })
            : null
        }
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
        <Field name="file" label={t('admin.external.file')} error={fields.error('file')}>
          {(props) => <input {...props} type="file" accept=".csv,text/csv" required />}
        </Field>
        <button type="submit">{t('admin.external.import')}</button>
      </Form>

      <h2>{t('admin.external.importedTitle')}</h2>
      <ListTable
        caption={t('admin.external.importedTitle')}
        columns={[
          t('form.year'),
          t('form.index'),
          numericColumn(t('admin.external.units')),
          t('admin.external.lastImport'),
        ]}
        items={imported.map((row) => ({ ...row, id: `${row.index}-${row.year}` }))}
        cells={(row) => [
          row.year,
          <a href={`/rankings?year=${row.year}&index=${row.index}`}>{t(`indices.${row.index}`)}</a>,
          row.count,
          row.importedAt ? formatDate(row.importedAt, locale) : '',
        ]}
        empty={t('admin.external.noneImported')}
      />
    </>
  )
}
