import { useTranslation } from 'react-i18next'
import type { CaseSettings } from '~/cases/settings'

/** The case rules as they stand, for an administrator who reads them but may not change them. */
export function CaseSettingsSummary({ settings }: { settings: CaseSettings }) {
  const { t } = useTranslation('cases')
  return (
    <>
      <dl className="case-facts">
        <dt>{t('settings.fields.dissatisfiedAtOrBelow')}</dt>
        <dd>{settings.dissatisfiedAtOrBelow}</dd>
        <dt>{t('settings.fields.deadlineWorkingDays')}</dt>
        <dd>{settings.deadlineWorkingDays}</dd>
        <dt>{t('settings.fields.contactRetentionDays')}</dt>
        <dd>{settings.contactRetentionDays}</dd>
        <dt>{t('settings.fields.nationalDaySecondDay')}</dt>
        <dd>{t(`settings.nationalDay.${settings.nationalDaySecondDay}`)}</dd>
        <dt>{t('settings.fields.extraDaysOff')}</dt>
        <dd>{settings.extraDaysOff.length > 0 ? settings.extraDaysOff.join(', ') : t('settings.noExtraDays')}</dd>
      </dl>
      <p className="hint">{t('settings.readOnly')}</p>
    </>
  )
}
