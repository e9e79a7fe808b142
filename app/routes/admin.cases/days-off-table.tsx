import { useTranslation } from 'react-i18next'
import type { DayOff } from '~/cases/deadline'
import type { Language } from '~/i18n/config'
import { formatDate } from '~/i18n/format'
import { DataTable } from '~/ui/data-table'

/** One year's days off as the working-day calendar counts them, each with why. */
export function DaysOffTable({ year, days, locale }: { year: number; days: readonly DayOff[]; locale: Language }) {
  const { t } = useTranslation('cases')
  return (
    <DataTable
      caption={t('settings.calendarCaption', { year })}
      columns={[{ label: t('settings.day'), rowHeader: true }, t('settings.reason')]}
      rows={days.map(({ day, kind }) => ({
        key: day,
        cells: [<time key="day" dateTime={day}>{formatDate(day, locale, 'long')}</time>, t(`settings.kinds.${kind}`)],
      }))}
    />
  )
}
