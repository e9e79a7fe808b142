import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AdminNav } from '~/auth/admin-nav'
import { recordAudit } from '~/audit/audit.server'
import { CsrfInput } from '~/ui/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { KIOSK_TOKEN_HEADER } from '~/auth/kiosk.server'
import { createKiosk, getKioskServicePoint, listKiosks, revokeKiosk } from '~/kiosk/devices.server'
import { requireCapability, requireServicePointAccess } from '~/auth/permissions.server'
import { canManageKiosks } from '~/auth/policy'
import { kioskScope } from '~/auth/scope'
import { formatDateTime } from '~/i18n/format'
import { formFields } from '~/forms/form-fields'
import { textValues } from '~/forms/form-values'
import { parseForm, rejectForm } from '~/forms/reject-form.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { DataTable } from '~/ui/data-table'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { Field } from '~/ui/field'
import { KioskSchema } from '~/units/admin-forms'
import { findServicePointInScope } from '~/units/unit-admin.server'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

// A newly shown kiosk token must not linger in a cache.
export const headers = () => ({ 'Cache-Control': 'no-store' })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, canManageKiosks)
  const [kiosks, t, locale] = await Promise.all([listKiosks(kioskScope(user)), getFixedT(request, 'admin'), getLanguage(request)])
  return { title: t('kiosks.metaTitle'), kiosks, locale, tokenHeader: KIOSK_TOKEN_HEADER }
}

// A kiosk token shown once must not linger in a cache.
const NO_STORE = { 'Cache-Control': 'no-store' }

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireCapability(request, canManageKiosks)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const values = textValues(formData)

  if (values.intent === 'revoke') {
    const kiosk = await getKioskServicePoint(values.kioskId ?? '')
    if (!kiosk) throw new Response(null, { status: 404 })
    await requireServicePointAccess(request, kiosk.servicePointId)
    await revokeKiosk(values.kioskId ?? '')
    await recordAudit('kiosk.revoked', { actorId: actor.id, target: `kiosk:${values.kioskId}` })
    return null
  }
  const { data: newKiosk, rejection } = parseForm(KioskSchema, formData)
  if (rejection) return rejection
  const servicePoint = await findServicePointInScope(actor, newKiosk.servicePointCode)
  if (!servicePoint) {
    return rejectForm({ fieldErrors: { servicePointCode: { key: 'kiosks.errors.servicePointUnknown' } }, values }, { headers: NO_STORE })
  }
  const kiosk = await createKiosk({ name: newKiosk.name, servicePointId: servicePoint.id, pin: newKiosk.pin })
  await recordAudit('kiosk.created', { actorId: actor.id, target: `kiosk:${kiosk.kioskId}`, details: { servicePointId: servicePoint.id } })
  return data({ token: kiosk.code }, { headers: NO_STORE })
}

export default function KiosksPage() {
  const { kiosks, locale, tokenHeader } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const { values, error } = formFields(actionData, t)

  return (
    <>
      <h1>{t('kiosks.title')}</h1>
      <AdminNav />
      {actionData && 'token' in actionData ? (
        <div className="notice" role="status">
          <p>{t('kiosks.tokenOnce', { header: tokenHeader })}</p>
          <p className="one-time-secret">{actionData.token}</p>
        </div>
      ) : null}
      <DataTable
        caption={t('kiosks.title')}
        hideCaption
        columns={[
          { label: t('kiosks.name') },
          { label: t('kiosks.servicePoint') },
          { label: t('kiosks.lastSeen') },
          { label: t('kiosks.status') },
        ]}
        rows={kiosks.map((kiosk) => ({
          key: kiosk.id,
          cells: [
            kiosk.name,
            `${kiosk.servicePoint.code} — ${locale === 'en' ? kiosk.servicePoint.nameEn : kiosk.servicePoint.name}`,
            kiosk.lastSeenAt ? formatDateTime(kiosk.lastSeenAt, locale) : t('kiosks.never'),
            kiosk.revokedAt ? (
              t('kiosks.revoked')
            ) : (
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="kioskId" value={kiosk.id} />
                <button type="submit" className="secondary">
                  {t('kiosks.revoke', { name: kiosk.name })}
                </button>
              </Form>
            ),
          ],
        }))}
      />

      <h2>{t('kiosks.createTitle')}</h2>
      <Form method="post">
        <CsrfInput />
        <Field name="name" label={t('kiosks.name')} error={error('name')}>
          {(props) => <input {...props} required defaultValue={values.name} />}
        </Field>
        <Field name="servicePointCode" label={t('kiosks.servicePointCode')} error={error('servicePointCode')}>
          {(props) => <input {...props} required autoCapitalize="characters" defaultValue={values.servicePointCode} />}
        </Field>
        <button type="submit">{t('kiosks.create')}</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
