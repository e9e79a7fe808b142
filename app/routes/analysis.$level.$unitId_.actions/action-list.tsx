import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MISSING, formatDate, formatPercent } from '~/i18n/format'
import { formatInterval } from '~/ranking/format-score'
import { DataTable, numericColumn } from '~/ui/data-table'
import { IntentForm } from '~/ui/intent-form'
import type { loader } from './route'

type PlanData = ReturnType<typeof useLoaderData<typeof loader>>

/** The plan's actions, each with its target period's figure and whether the target was met. */
export function ActionList({ data }: { data: PlanData }) {
  const { t } = useTranslation('improvement')
  const { locale, actions, labels, unit, basePeriod, canRecord } = data
  if (actions.length === 0) return <p>{t('actions.none')}</p>
  const percent = (value: number | null) => formatPercent(value, locale)
  return (
    <DataTable
      caption={t('actions.listCaption', { name: unit.name })}
      columns={[
        t('actions.criterion'),
        t('actions.action'),
        t('actions.owner'),
        t('actions.dueOn'),
        numericColumn(t('actions.baseline')),
        numericColumn(t('actions.target')),
        numericColumn(t('actions.result')),
        t('actions.status'),
        ...(canRecord ? [t('actions.manage')] : []),
      ]}
      rows={actions.map((action) => ({
        key: action.id,
        cells: [
          labels[action.criterionCode] ?? action.criterionCode,
          action.action,
          action.owner,
          formatDate(action.dueOn, locale),
          t('actions.baselineValue', { value: percent(action.baselineValue), period: action.basePeriod }),
          t('actions.targetValue', { value: percent(action.targetValue), period: action.targetPeriod }),
          action.figure ? `${percent(action.figure.value)} (${formatInterval(action.figure.low, action.figure.high, 'SIPAS', locale)})` : MISSING,
          <>
            <strong className={`action-status action-status-${action.outcome.status}`}>{t(`actions.outcome.${action.outcome.status}`)}</strong>
            {action.outcome.status !== 'notMeasured' && !action.outcome.beyondNoise ? <> {t('actions.withinNoise')}</> : null}
            {action.outcome.provisional && action.outcome.status !== 'notMeasured' ? <> {t('actions.provisional')}</> : null}
          </>,
          ...(canRecord
            ? [
                <div key="manage" className="row-actions">
                  <Link to={`?period=${basePeriod}&edit=${action.id}#action-form`} aria-label={t('actions.editLabel', { action: action.action })}>
                    {t('actions.edit')}
                  </Link>
                  <IntentForm intent="delete" hidden={{ id: action.id, basePeriod }}>
                    <button type="submit" className="secondary" aria-label={t('actions.deleteLabel', { action: action.action })}>
                      {t('actions.delete')}
                    </button>
                  </IntentForm>
                </div>,
              ]
            : []),
        ],
      }))}
    />
  )
}
