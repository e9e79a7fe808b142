import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { formatNumber, formatRankChange } from '~/i18n/format'
import { formatInterval, formatScore } from './format-score'
import type { PublishedRanking, RankingRow } from './ranking-table'
import { TableScroll } from '~/ui/table-scroll'

/**
 * A ranking as a table: rank, unit, score, n, 95 % interval, change, group and the
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
    row.change === 'reorganised' ? t('table.reorganised') : row.status === 'ranked' ? formatRankChange(row.change, locale) : ''
  return (
    <>
      <RankingStatusNote ranking={ranking} locale={locale} />
      <TableScroll label={caption}>
        <table className="ranking-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('table.rank')}
              </th>
              <th scope="col">{t('table.unit')}</th>
              <th scope="col" className="num">
                {t('table.score')}
              </th>
              {survey ? (
                <>
                  <th scope="col" className="num">
                    {t('table.n')}
                  </th>
                  <th scope="col" className="num">
                    {t('table.interval')}
                  </th>
                </>
              ) : null}
              <th scope="col">{ranking.baseline === 'pro-forma' ? t('table.changeProForma', { year: ranking.year - 1 }) : t('table.change')}</th>
              <th scope="col">{t('table.group')}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.rows.map((row) => {
              const href = unitHref?.(row) ?? null
              return (
                <tr key={row.unitId} className={row.status === 'ranked' ? undefined : 'unranked'}>
                  <td className="num">
                    {row.rank === null ? '—' : ranking.outOf > 0 ? t('table.rankOf', { rank: row.rank, outOf: ranking.outOf }) : row.rank}
                    {row.tiedWithAbove ? (
                      <>
                        {' '}
                        <span className="tie-marker" aria-hidden="true" title={t('table.tiedTitle')}>
                          ≈
                        </span>
                        <span className="visually-hidden">{t('table.tiedTitle')}</span>
                      </>
                    ) : null}
                  </td>
                  <th scope="row">{href ? <a href={href}>{nameOf(row)}</a> : nameOf(row)}</th>
                  <td className="num">
                    {row.status === 'ranked'
                      ? formatScore(row.score, index, locale)
                      : row.status === 'insufficientSample'
                        ? t('table.insufficientSample')
                        : t('table.noData')}
                  </td>
                  {survey ? (
                    <>
                      <td className="num">{row.n === null ? '—' : formatNumber(row.n, locale)}</td>
                      <td className="num">{formatInterval(row.low, row.high, index, locale)}</td>
                    </>
                  ) : null}
                  <td>{changeOf(row)}</td>
                  <td>{row.group ?? ''}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </TableScroll>
      <RankingFootnotes ranking={ranking} />
    </>
  )
}

function RankingStatusNote({ ranking, locale }: { ranking: PublishedRanking; locale: Language }) {
  const { t } = useTranslation('rankings')
  if (ranking.status.kind === 'frozen') {
    const date = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(ranking.status.frozenAt),
    )
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
  const previousYear = ranking.year - 1
  const notes: string[] = []
  if (ranking.baseline === 'pro-forma') notes.push(t('notes.proForma', { year: previousYear, outOf: ranking.previousOutOf ?? 0 }))
  else if (ranking.reorganisation) notes.push(t('notes.reorganised', { year: previousYear }))
  else if (ranking.baseline === 'previous') notes.push(t('notes.previous', { year: previousYear, outOf: ranking.previousOutOf ?? 0 }))
  else notes.push(t('notes.noPrevious', { year: previousYear }))
  if (ranking.rows.some((row) => row.tiedWithAbove)) notes.push(t('notes.ties'))
  if (ranking.minN !== null) notes.push(t('notes.minN', { minN: ranking.minN }))
  if (ranking.index === 'SIPAS') notes.push(t('notes.interval'))
  return (
    <ul className="footnotes">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  )
}
