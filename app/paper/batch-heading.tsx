import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { formatDay } from './dates'

/** The top of a batch's screens: the way back to the batch list, `title`, and what the batch covers. */
export function BatchHeading({
  title,
  batch,
  locale,
}: {
  title: string
  batch: { servicePoint: { name: string; nameEn: string }; fromDate: string; toDate: string; sheetCount: number }
  locale: Language
}) {
  const { t } = useTranslation('paper')
  return (
    <>
      <p className="paper-back">
        <Link to="/paper">{t('keying.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        {t('keying.batchSummary', {
          name: locale === 'en' ? batch.servicePoint.nameEn : batch.servicePoint.name,
          from: formatDay(batch.fromDate),
          to: formatDay(batch.toDate),
          count: batch.sheetCount,
        })}
      </p>
    </>
  )
}
