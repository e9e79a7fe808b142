import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { formatRankChange, formatSignedNumber } from '~/i18n/format'
import { formatScore } from '~/ranking/format-score'
import type { IndexStanding } from '~/ranking/province-profile.server'
import { DataTable } from '~/ui/data-table'
import type { loader } from './route'

type ProvinceData = ReturnType<typeof useLoaderData<typeof loader>>

/** The province's rank in each index of the year, with the change and its baseline. */
export function ProvinceStandings({ data }: { data: ProvinceData }) {
  const { locale, year, province, standings } = data
  const { t } = useTranslation('rankings')
  return (
    <>
    <h2>{t('province.indicesTitle', { year })}</h2>
    {standings.length === 0 ? (
      <p>{t('province.noIndices')}</p>
    ) : (
      <>
        <p className="standings-line">{standings.map((standing) => standingText(standing, t, locale)).join(' · ')}</p>
        <DataTable
          caption={t('province.indicesCaption', { name: province.name, year })}
          columns={[
            { label: t('table.index') },
            { label: t('table.score'), numeric: true },
            { label: t('table.rank'), numeric: true },
            { label: t('table.change') },
            { label: t('table.status') },
          ]}
          rows={standings.map((standing) => ({
            key: standing.index,
            cells: [
              <a href={`/rankings?year=${year}&index=${standing.index}`}>{t(`indices.${standing.index}`)}</a>,
              standing.status === 'ranked'
                ? formatScore(standing.score, standing.index, locale)
                : standing.status === 'insufficientSample'
                ? t('table.insufficientSample')
                : t('table.noData'),
              standing.rank === null ? '—' : t('table.rankOf', { rank: standing.rank, outOf: standing.outOf }),
              standing.change === 'reorganised'
                ? t('table.reorganised')
                : formatRankChange(standing.change, locale) +
                  (standing.baseline === 'pro-forma' && standing.change !== null
                    ? ` ${t('province.proFormaMark')}`
                    : ''),
              standing.provisional ? t('status.provisionalTitle') : t('status.frozenTitle'),
            ],
          }))}
        />
        {standings
          .filter((standing) => standing.baseline === 'pro-forma' && standing.change !== null)
          .map((standing) => (
            <p key={standing.index} className="hint">
              {t(`indices.${standing.index}`)}:{' '}
              {t('notes.proForma', { year: year - 1, outOf: standing.previousOutOf ?? 0 })}
            </p>
          ))}
      </>
    )}
    </>
  )
}

/** "SIPAS 11/34 (+13)": an index, the rank out of the ranked units, and the change. */
function standingText(
  standing: IndexStanding,
  t: (key: string, values?: Record<string, unknown>) => string,
  locale: Language
) {
  const name = t(`indices.${standing.index}`)
  if (standing.rank === null) return t('province.standingUnranked', { index: name })
  const change =
    standing.change === null
      ? ''
      : standing.change === 'reorganised'
      ? t('table.reorganised')
      : formatSignedNumber(standing.change, locale)
  return change
    ? t('province.standingWithChange', { index: name, rank: standing.rank, outOf: standing.outOf, change })
    : t('province.standing', { index: name, rank: standing.rank, outOf: standing.outOf })
}
