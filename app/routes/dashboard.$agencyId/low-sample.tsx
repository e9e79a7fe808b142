import { useTranslation } from 'react-i18next'

/** The mark after a figure computed from fewer answers than the minimum (shown, but not to be relied on). */
export function LowSample({ suppressed }: { suppressed: boolean }) {
  const { t } = useTranslation('dashboard')
  return suppressed ? <span className="low-sample"> {t('agency.lowSample')}</span> : null
}
