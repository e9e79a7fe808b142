import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { verifiedShare } from '~/aggregation/response-basis'
import { formatDate, formatNumber, formatPercent, formatRankChange } from '~/i18n/format'
import { formatInterval, formatMargin, formatScore } from './format-score'
import { rankingNotes } from './ranking-notes'
import type { PublishedRanking, RankingRow } from './ranking-table'
import { DataTable } from '~/ui/data-table'

/**
 * A ranking as a table: rank, unit, score, n and its verified share, 95 % interval and margin of error, change, group and the
 * statistical-tie marker, with the status (provisional or frozen) and what changes compare with.
 * Rows of units without a publishable score follow the ranked ones.
 */
export function RankingResults({
  ranking,
  caption,
  locale,
  unitHref,
}: {
  ranking: PublishedRanking
  caption: string
  locale: Language
  /** Where a unit's name links to, if anywhere. */
  unitHref?: (row: RankingRow) => string | null
}) {
  const { t } = useTranslation('rankings')
  const { index } = ranking
  const survey = index === 'SIPAS'
  const nameOf = (row: RankingRow) => (locale === 'en' ? row.nameEn : row.name)
  const changeOf = (row: RankingRow) =>
    row.change === 'reorganised'
      ? t('table.reorganised')
      : row.status === 'ranked'
      ? formatRankChange(row.change, locale)
      : ''
  return (
    <>
      <RankingStatusNote ranking={ranking} locale={locale} />
      <DataTable
        caption={caption}
        className="ranking-table"
        columns={[
          { label: t('table.rank'), numeric: true },
          { label: t('table.unit'), rowHeader: true },
          { label: t('table.score'), numeric: true },
          ...(survey
            ? [
                { label: t('table.n'), numeric: true },
                { label: t('table.verified'), numeric: true },
                { label: t('table.interval'), numeric: true },
                { label: t('table.margin'), numeric: true },
              ]
            : []),
          {
            label:
              ranking.baseline === 'pro-forma'
                ? t('table.changeProForma', { year: ranking.year - 1 })
                : t('table.change'),
          },
          { label: t('table.group') },
        ]}
        rows={ranking.rows.map((row) => {
          const href = unitHref?.(row) ?? null
          return {
            key: row.unitId,
            className: row.status === 'ranked' ? undefined : 'unranked',
            cells: [
              <>
                {row.rank === null
                  ? '—'
                  : ranking.outOf > 0
                  ? t('table.rankOf', { rank: row.rank, outOf: ranking.outOf })
                  : row.rank}
                {row.tiedWithAbove ? (
                  <>
                    {' '}
                    <span className="tie-marker" aria-hidden="true" title={t('table.tiedTitle')}>
                      ≈
                    </span>
                    <span className="visually-hidden">{t('table.tiedTitle')}</span>
                  </>
                ) : null}
              </>,
              href ? <a href={href}>{nameOf(row)}</a> : nameOf(row),
              row.status === 'ranked'
                ? formatScore(row.score, index, locale)
                : row.status === 'insufficientSample'
                ? t('table.insufficientSample')
                : t('table.noData'),
              ...(survey
                ? [
                    row.n === null ? '—' : formatNumber(row.n, locale),
                    row.n === null || row.verified === null ? '—' : formatPercent(verifiedShare(row.verified, row.n), locale, 0),
                    formatInterval(row.low, row.high, index, locale),
                    formatMargin(row.margin, locale),
                  ]
                : []),
              changeOf(row),
              row.group ?? '',
            ],
          }
        })}
      />
      <RankingFootnotes ranking={ranking} />
    </>
  )
}

function RankingStatusNote({ ranking, locale }: { ranking: PublishedRanking; locale: Language }) {
  const { t } = useTranslation('rankings')
  if (ranking.status.kind === 'frozen') {
    const date = formatDate(ranking.status.frozenAt, locale, 'long')
    return (
      <p className="notice status-frozen">
        <strong>{t('status.frozenTitle')}</strong> {t('status.frozen', { date, by: ranking.status.frozenBy })}
      </p>
    )
  }
  return (
    <p className="notice status-provisional">
      <strong>{t('status.provisionalTitle')}</strong> {t('status.provisional')}
    </p>
  )
}

function RankingFootnotes({ ranking }: { ranking: PublishedRanking }) {
  const { t } = useTranslation('rankings')
  const notes = rankingNotes(ranking).map((note) => t(note.key, note.values))
  return (
    <ul className="footnotes">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  )
}
