import { useTranslation } from 'react-i18next'
import type { ChangeSummary } from '~/open-data/changes'

/** What a correction changed, from its changes.json: the totals, then each file that changed. */
export function ReleaseChanges({ changes, correctsVersion }: { changes: ChangeSummary; correctsVersion: number }) {
  const { t } = useTranslation('open-data')
  const shown = (value: string) => (value === '' ? t('changes.empty') : value)
  return (
    <details className="open-data-changes">
      <summary>{t('changes.heading', { version: correctsVersion })}</summary>
      <p>{t('changes.totals', changes.totals)}</p>
      <ul>
        {changes.files
          .filter((file) => file.status !== 'unchanged')
          .map((file) => (
            <li key={file.name}>
              {file.status === 'added'
                ? t('changes.fileAdded', { name: file.name })
                : file.status === 'removed'
                  ? t('changes.fileRemoved', { name: file.name })
                  : t('changes.file', file)}
              {file.columnsAdded.length > 0 ? ` ${t('changes.columnsAdded', { columns: file.columnsAdded.join(', ') })}` : null}
              {file.columnsRemoved.length > 0 ? ` ${t('changes.columnsRemoved', { columns: file.columnsRemoved.join(', ') })}` : null}
              {file.examples.length > 0 ? (
                <ul>
                  {file.examples.map((example, at) => (
                    <li key={at}>
                      {example.kind === 'changed'
                        ? t('changes.changed', { ...example, before: shown(example.before), after: shown(example.after) })
                        : t(`changes.${example.kind}`, { key: example.key })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
      </ul>
    </details>
  )
}
