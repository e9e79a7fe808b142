import { useId } from 'react'
import type { Language } from '~/i18n/config'
import { localized, type Translate } from '~/survey/texts'
import type { DeviceState } from './kiosk-device'
import { KioskButtons } from './kiosk-buttons'

/** Behind the PIN: what the device holds and does, and the ways out of the kiosk flow. */
export function SettingsScreen({
  state,
  lang,
  online,
  onSyncNow,
  onReloadConfig,
  onReenrol,
  onClose,
  t,
}: {
  state: DeviceState
  lang: Language
  online: boolean
  onSyncNow: () => void
  onReloadConfig: () => void
  onReenrol: () => void
  onClose: () => void
  t: Translate
}) {
  const id = useId()
  const time = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'medium' })
  const when = (iso: string | null) => (iso ? time.format(new Date(iso)) : t('settings.none'))
  const { config } = state
  return (
    <section className="kiosk-screen kiosk-settings" aria-labelledby={id}>
      <h1 id={id}>{t('settings.title')}</h1>
      <dl className="kiosk-facts">
        <div>
          <dt>{t('settings.kiosk')}</dt>
          <dd>{state.kiosk?.name ?? t('settings.none')}</dd>
        </div>
        <div>
          <dt>{t('settings.servicePoint')}</dt>
          <dd>{config ? `${config.servicePoint.code} — ${localized(config.servicePoint.name, lang)}` : (state.kiosk?.servicePointCode ?? t('settings.none'))}</dd>
        </div>
        <div>
          <dt>{t('settings.version')}</dt>
          <dd>{config?.version.id ?? t('settings.none')}</dd>
        </div>
        <div>
          <dt>{t('settings.queue')}</dt>
          <dd className="kiosk-settings-queue">{state.queue.length}</dd>
        </div>
        <div>
          <dt>{t('settings.oldest')}</dt>
          <dd>{when(state.queue.oldestCompletedAt)}</dd>
        </div>
        <div>
          <dt>{t('settings.lastSync')}</dt>
          <dd>{when(state.lastSyncAt)}</dd>
        </div>
        <div>
          <dt>{t('settings.network')}</dt>
          <dd>{online ? t('settings.online') : t('settings.offline')}</dd>
        </div>
      </dl>

      <h2>{t('settings.refused')}</h2>
      {state.refused.length === 0 ? (
        <p>{t('settings.refusedNone')}</p>
      ) : (
        <div className="table-scroll">
          <table className="kiosk-refused">
            <thead>
              <tr>
                <th scope="col">{t('settings.refusedAt')}</th>
                <th scope="col">{t('settings.refusedId')}</th>
                <th scope="col">{t('settings.refusedReason')}</th>
              </tr>
            </thead>
            <tbody>
              {state.refused.map((refusal) => (
                <tr key={refusal.responseId}>
                  <td>{when(refusal.at)}</td>
                  <td className="kiosk-refused-id">{refusal.responseId}</td>
                  <td>
                    {refusal.status} {refusal.code}
                    {refusal.message ? ` — ${refusal.message}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="kiosk-buttons kiosk-settings-actions">
        <button type="button" onClick={onSyncNow}>
          {t('settings.syncNow')}
        </button>
        <button type="button" onClick={onReloadConfig}>
          {t('settings.reloadConfig')}
        </button>
        <button type="button" className="secondary" onClick={onReenrol} aria-describedby={`${id}-reenrol`}>
          {t('settings.reenrol')}
        </button>
      </div>
      <p className="kiosk-help" id={`${id}-reenrol`}>
        {t('settings.reenrolHelp')}
      </p>
      <KioskButtons backLabel={t('settings.close')} onBack={onClose} />
    </section>
  )
}
