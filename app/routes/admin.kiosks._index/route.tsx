import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { recordAudit } from '~/audit/audit.server'
import { AdminPage } from '~/ui/admin-page'
import { loadAdminPage, requireCapabilityForm, requireServicePointAccess } from '~/auth/permissions.server'
import { canAdministerNationally, canManageKiosks } from '~/auth/policy'
import { kioskScope } from '~/auth/scope'
import { formFields } from '~/forms/form-fields'
import { textValues } from '~/forms/form-values'
import { parseForm, rejectForm } from '~/forms/reject-form.server'
import { createKiosk, getKioskServicePoint, type IssuedCode, listKiosks, reissueEnrolmentCode, revokeKiosk } from '~/kiosk/devices.server'
import { KioskSettingsFormSchema, NewKioskSchema, ReissueSchema } from '~/kiosk/kiosk-forms'
import { getKioskSettings, setKioskSettings } from '~/responses/kiosk-settings.server'
import { qrSvg } from '~/questionnaire/distribution/qr.server'
import { IntentForm } from '~/ui/intent-form'
import { pageTitle } from '~/ui/page-title'
import { findServicePointInScope } from '~/units/unit-admin.server'
import { Field } from '~/ui/field'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { IssuedCodeNotice } from './issued-code'
import { KioskFleet } from './kiosk-fleet'

/*
 * /admin/kiosks — the fleet of kiosks an administrator looks after (docs/decisions/019-kiosk.md):
 * each kiosk's last report (queue, sync, battery), silent ones flagged, refused answers listed;
 * register a kiosk and get its one-time enrolment code, reissue a code, revoke; the Ministry
 * sets the kiosk settings.
 */

export const handle = { i18n: ['admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

// An enrolment code shown once must not linger in a cache.
const NO_STORE = { 'Cache-Control': 'no-store' }
export const headers = () => NO_STORE

export async function loader({ request }: LoaderFunctionArgs) {
  return loadAdminPage(request, { capability: canManageKiosks, namespace: 'admin', titleKey: 'kiosks.metaTitle' }, (user) => ({
    kiosks: listKiosks(kioskScope(user)),
    settings: getKioskSettings(),
    now: new Date().toISOString(),
    mayEditSettings: canAdministerNationally(user),
  }))
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canManageKiosks)
  const intent = String(formData.get('intent') ?? 'create')

  if (intent === 'revoke' || intent === 'reissue') {
    const kiosk = await getKioskServicePoint(String(formData.get('kioskId') ?? ''))
    if (!kiosk) throw new Response(null, { status: 404 })
    await requireServicePointAccess(request, kiosk.servicePointId)
  }
  if (intent === 'revoke') {
    const kioskId = String(formData.get('kioskId'))
    await revokeKiosk(kioskId)
    await recordAudit('kiosk.revoked', { actorId: actor.id, target: `kiosk:${kioskId}` })
    return null
  }
  if (intent === 'reissue') {
    const { data: reissue, rejection } = parseForm(ReissueSchema, formData, { intent })
    if (rejection) return rejection
    const issued = await reissueEnrolmentCode(reissue.kioskId, reissue.pin)
    await recordAudit('kiosk.code_reissued', { actorId: actor.id, target: `kiosk:${reissue.kioskId}` })
    return issuedAnswer(request, issued)
  }
  if (intent === 'settings') {
    if (!canAdministerNationally(actor)) throw new Response(null, { status: 403 })
    const { data: settings, rejection } = parseForm(KioskSettingsFormSchema, formData, { intent })
    if (rejection) return rejection
    await setKioskSettings(settings, actor.id)
    return { saved: true }
  }
  const { data: newKiosk, rejection } = parseForm(NewKioskSchema, formData, { intent: 'create' })
  if (rejection) return rejection
  const servicePoint = await findServicePointInScope(actor, newKiosk.servicePointCode)
  if (!servicePoint) {
    return rejectForm(
      { intent: 'create', fieldErrors: { servicePointCode: { key: 'kiosks.errors.servicePointUnknown' } }, values: textValues(formData) },
      { headers: NO_STORE },
    )
  }
  const issued = await createKiosk({ name: newKiosk.name, servicePointId: servicePoint.id, pin: newKiosk.pin })
  await recordAudit('kiosk.created', {
    actorId: actor.id,
    target: `kiosk:${issued.kioskId}`,
    details: { servicePointId: servicePoint.id },
  })
  return issuedAnswer(request, issued)
}

/** The code, its expiry and a QR code of the kiosk address carrying it in the fragment. */
async function issuedAnswer(request: Request, issued: IssuedCode) {
  const enrolUrl = `${new URL(request.url).origin}/kiosk#code=${issued.code}`
  return data(
    { issued: { kioskId: issued.kioskId, code: issued.code, expiresAt: issued.expiresAt.toISOString(), qrSvg: await qrSvg(enrolUrl) } },
    { headers: NO_STORE },
  )
}

export default function KiosksPage() {
  const { kiosks, settings, locale, now, mayEditSettings } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const posted = actionData && 'intent' in actionData ? actionData.intent : null
  const create = formFields(posted === 'create' ? actionData : null, t)
  const settingsForm = formFields(posted === 'settings' ? actionData : null, t)
  const reissueError = posted === 'reissue' ? formFields(actionData, t).error('pin') : undefined
  const reissueKiosk = posted === 'reissue' && actionData && 'values' in actionData ? actionData.values.kioskId : undefined

  return (
    <AdminPage title={t('kiosks.title')}>
      {actionData && 'issued' in actionData ? (
        <IssuedCodeNotice issued={actionData.issued} kioskName={kiosks.find((k) => k.id === actionData.issued.kioskId)?.name ?? ''} />
      ) : null}
      {actionData && 'saved' in actionData ? (
        <p className="notice" role="status">
          {t('kiosks.settingsSaved')}
        </p>
      ) : null}

      <KioskFleet
        kiosks={kiosks}
        silentAfterMinutes={settings.silentAfterMinutes}
        now={new Date(now)}
        locale={locale}
        reissue={{ kioskId: reissueKiosk, error: reissueError }}
      />

      <h2>{t('kiosks.createTitle')}</h2>
      <p>{t('kiosks.createHelp')}</p>
      <IntentForm intent="create">
        <Field name="name" label={t('kiosks.name')} error={create.error('name')}>
          {(props) => <input {...props} required defaultValue={create.values.name} />}
        </Field>
        <Field name="servicePointCode" label={t('kiosks.servicePointCode')} error={create.error('servicePointCode')}>
          {(props) => <input {...props} required autoCapitalize="characters" defaultValue={create.values.servicePointCode} />}
        </Field>
        <Field name="pin" label={t('kiosks.pin')} hint={t('kiosks.pinHint')} error={create.error('pin')}>
          {(props) => <input {...props} type="password" inputMode="numeric" autoComplete="new-password" required />}
        </Field>
        <button type="submit">{t('kiosks.create')}</button>
      </IntentForm>

      {mayEditSettings ? (
        <>
          <h2>{t('kiosks.settingsTitle')}</h2>
          <IntentForm intent="settings">
            {(['minIntervalSeconds', 'versionGraceDays', 'silentAfterMinutes', 'heartbeatSeconds'] as const).map((name) => (
              <Field key={name} name={name} label={t(`kiosks.settings.${name}`)} error={settingsForm.error(name)}>
                {(props) => (
                  <input {...props} type="number" inputMode="numeric" required defaultValue={settingsForm.values[name] ?? String(settings[name])} />
                )}
              </Field>
            ))}
            <button type="submit">{t('kiosks.saveSettings')}</button>
          </IntentForm>
        </>
      ) : null}
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
