import { useTranslation } from 'react-i18next'
import type { VersionDiff } from '../diff'

/** What changed since the previous version, by item code. */
export function VersionDiffView({ diff, previousVersion }: { diff: VersionDiff; previousVersion: number }) {
  const { t } = useTranslation('questionnaire')
  const nothing = diff.added.length + diff.removed.length + diff.changed.length === 0
  return (
    <section aria-labelledby="diff-heading">
      <h2 id="diff-heading">{t('diff.heading', { version: previousVersion })}</h2>
      {nothing ? <p>{t('diff.none')}</p> : null}
      {diff.added.length > 0 ? <p>{t('diff.added', { codes: diff.added.join(', ') })}</p> : null}
      {diff.removed.length > 0 ? <p>{t('diff.removed', { codes: diff.removed.join(', ') })}</p> : null}
      {diff.changed.length > 0 ? (
        <ul>
          {diff.changed.map((change) => (
            <li key={change.code}>
              {t('diff.changed', {
                code: change.code,
                changes: change.changes.map((kind) => t(`diff.kinds.${kind}`)).join(', '),
              })}
              {change.changes.includes('coding') ? ` ${t('diff.notComparable')}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
