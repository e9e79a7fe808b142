import type { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { formatDateTime } from '~/i18n/format'
import { isSilent } from '~/kiosk/heartbeat'
import { IntentForm } from '~/ui/intent-form'
import { numericColumn } from '~/ui/data-table'
import { ListTable } from '~/ui/list-table'
import { ErrorMessage } from '~/ui/error-message'
import type { loader } from './route'

type Kiosk = ReturnType<typeof useLoaderData<typeof loader>>['kiosks'][number]

/** Every kiosk in the administrator's scope with what its last heartbeat said. */
export function KioskFleet({
  kiosks,
  silentAfterMinutes,
  now,
  locale,
  reissue,
}: {
  kiosks: readonly Kiosk[]
  silentAfterMinutes: number
  now: Date
  locale: Language
  /** The kiosk whose reissue form was refused, and why. */
  reissue: { kioskId?: string; error?: string }
}) {
  const { t } = useTranslation('admin')
  const when = (instant: Date | string | null) => (instant ? formatDateTime(instant, locale) : t('kiosks.never'))

  const status = (kiosk: Kiosk) => {
    if (kiosk.revokedAt) return <strong className="kiosk-status">{t('kiosks.revoked')}</strong>
    if (!kiosk.enrolledAt) {
      const expired = !kiosk.enrolmentExpiresAt || new Date(kiosk.enrolmentExpiresAt) <= now
      return expired ? t('kiosks.codeExpired') : t('kiosks.awaitingEnrolment', { expiresAt: when(kiosk.enrolmentExpiresAt) })
    }
    if (isSilent(kiosk.lastHeartbeatAt ? new Date(kiosk.lastHeartbeatAt) : null, silentAfterMinutes, now)) {
      return <strong className="kiosk-status">{t('kiosks.silent', { minutes: silentAfterMinutes })}</strong>
    }
    return kiosk.online === false ? t('kiosks.offline') : t('kiosks.active')
  }

  return (
    <ListTable
      caption={t('kiosks.title')}
      columns={[
        t('kiosks.name'), t('kiosks.servicePoint'), t('kiosks.status'), t('kiosks.lastHeartbeat'),
        numericColumn(t('kiosks.queue')), t('kiosks.lastSync'), t('kiosks.device'),
        numericColumn(t('kiosks.refused')), t('kiosks.actions'),
      ]}
      items={kiosks}
      cells={(kiosk) => [
        kiosk.name,
        `${kiosk.servicePoint.code} — ${locale === 'en' ? kiosk.servicePoint.nameEn : kiosk.servicePoint.name}`,
        status(kiosk),
        when(kiosk.lastHeartbeatAt),
        kiosk.queueLength === null ? '—' : (
          <>
            {kiosk.queueLength}
            {kiosk.oldestQueuedAt ? <small> {t('kiosks.oldestQueued', { at: when(kiosk.oldestQueuedAt) })}</small> : null}
          </>
        ),
        when(kiosk.lastSyncAt),
        [
          kiosk.appVersion ? t('kiosks.appVersion', { version: kiosk.appVersion }) : null,
          kiosk.batteryLevel === null
            ? null
            : t(kiosk.batteryCharging ? 'kiosks.batteryCharging' : 'kiosks.battery', { percent: Math.round(kiosk.batteryLevel * 100) }),
        ]
          .filter(Boolean)
          .join(' · ') || '—',
        kiosk.refusals.length === 0 ? (
          '0'
        ) : (
          <details>
            <summary>{kiosk.refusals.length}</summary>
            <ul className="kiosk-refusals">
              {kiosk.refusals.map((refusal) => (
                <li key={refusal.responseId}>
                  {t('kiosks.refusal', { status: refusal.status, code: refusal.code, at: when(refusal.at) })}: {refusal.message}{' '}
                  <code>{refusal.responseId}</code>
                </li>
              ))}
            </ul>
          </details>
        ),
        <div key="actions" className="kiosk-actions">
          {kiosk.revokedAt ? null : (
            <IntentForm intent="revoke" hidden={{ kioskId: kiosk.id }} className="inline-form">
              <button type="submit" className="secondary">
                {t('kiosks.revoke', { name: kiosk.name })}
              </button>
            </IntentForm>
          )}
          <IntentForm intent="reissue" hidden={{ kioskId: kiosk.id }} className="inline-form">
            <label htmlFor={`pin-${kiosk.id}`}>{t('kiosks.newPin', { name: kiosk.name })}</label>
            <input
              id={`pin-${kiosk.id}`}
              name="pin"
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              required
              aria-invalid={reissue.kioskId === kiosk.id && reissue.error ? true : undefined}
              aria-describedby={reissue.kioskId === kiosk.id && reissue.error ? `pin-${kiosk.id}-error` : undefined}
            />
            <ErrorMessage id={`pin-${kiosk.id}-error`} message={reissue.kioskId === kiosk.id ? reissue.error : undefined} />
            <button type="submit" className="secondary">
              {t('kiosks.reissue', { name: kiosk.name })}
            </button>
          </IntentForm>
        </div>,
      ]}
    />
  )
}
