import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AdminField } from '~/auth/admin-field'
import { AdminNav } from '~/auth/admin-nav'
import { recordAudit } from '~/audit/audit.server'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { textValues } from '~/auth/form-values'
import { createKiosk, getKioskServicePoint, KIOSK_TOKEN_HEADER, listKiosks, revokeKiosk } from '~/auth/kiosk.server'
import { requireRole, requireServicePointAccess } from '~/auth/permissions.server'
import { ADMIN_ROLES } from '~/auth/roles'
import { kioskScope } from '~/auth/scope'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { KioskSchema } from '~/units/admin-forms'
import { findServicePointInScope } from '~/units/unit-admin.server'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

// A newly shown kiosk token must not linger in a cache.
export const headers = () => ({ 'Cache-Control': 'no-store' })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ADMIN_ROLES)
  const [kiosks, t, locale] = await Promise.all([listKiosks(kioskScope(user)), getFixedT(request, 'admin'), getLanguage(request)])
  return { title: t('kiosks.metaTitle'), kiosks, locale, tokenHeader: KIOSK_TOKEN_HEADER }
}

type Result = { fieldErrors: Record<string, string[]>; values: Record<string, string>; token: string | null }
const result = (partial: Partial<Result>, status = 200) =>
  data<Result>({ fieldErrors: {}, values: {}, token: null, ...partial }, { status, headers: { 'Cache-Control': 'no-store' } })

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ADMIN_ROLES)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const values = textValues(formData)

  if (values.intent === 'revoke') {
    const kiosk = await getKioskServicePoint(values.kioskId ?? '')
    if (!kiosk) throw new Response(null, { status: 404 })
    await requireServicePointAccess(request, kiosk.servicePointId, { roles: ADMIN_ROLES })
    await revokeKiosk(values.kioskId ?? '')
    await recordAudit('kiosk.revoked', { actorId: actor.id, target: `kiosk:${values.kioskId}` })
    return result({})
  }
  const parsed = KioskSchema.safeParse(values)
  if (!parsed.success) return result({ fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values }, 400)
  const servicePoint = await findServicePointInScope(actor, parsed.data.servicePointCode)
  if (!servicePoint) return result({ fieldErrors: { servicePointCode: ['kiosks.errors.servicePointUnknown'] }, values }, 400)
  const kiosk = await createKiosk({ name: parsed.data.name, servicePointId: servicePoint.id })
  await recordAudit('kiosk.created', { actorId: actor.id, target: `kiosk:${kiosk.id}`, details: { servicePointId: servicePoint.id } })
  return result({ token: kiosk.token })
}

export default function KiosksPage() {
  const { kiosks, locale, tokenHeader } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const errors = actionData?.fieldErrors ?? {}
  const values = actionData?.values ?? {}
  const error = (field: string) => (errors[field]?.[0] ? t(errors[field][0]) : undefined)
  // A fixed time zone, so the server's and the browser's renderings agree.
  const seenAt = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  })

  return (
    <>
      <h1>{t('kiosks.title')}</h1>
      <AdminNav />
      {actionData?.token ? (
        <div className="notice" role="status">
          <p>{t('kiosks.tokenOnce', { header: tokenHeader })}</p>
          <p className="one-time-secret">{actionData.token}</p>
        </div>
      ) : null}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('kiosks.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kiosks.name')}</th>
              <th scope="col">{t('kiosks.servicePoint')}</th>
              <th scope="col">{t('kiosks.lastSeen')}</th>
              <th scope="col">{t('kiosks.status')}</th>
            </tr>
          </thead>
          <tbody>
            {kiosks.map((kiosk) => (
              <tr key={kiosk.id}>
                <td>{kiosk.name}</td>
                <td>
                  {kiosk.servicePoint.code} — {locale === 'en' ? kiosk.servicePoint.nameEn : kiosk.servicePoint.name}
                </td>
                <td>{kiosk.lastSeenAt ? seenAt.format(new Date(kiosk.lastSeenAt)) : t('kiosks.never')}</td>
                <td>
                  {kiosk.revokedAt ? (
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
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('kiosks.createTitle')}</h2>
      <Form method="post">
        <CsrfInput />
        <AdminField name="name" label={t('kiosks.name')} error={error('name')}>
          {(props) => <input {...props} required defaultValue={values.name} />}
        </AdminField>
        <AdminField name="servicePointCode" label={t('kiosks.servicePointCode')} error={error('servicePointCode')}>
          {(props) => <input {...props} required autoCapitalize="characters" defaultValue={values.servicePointCode} />}
        </AdminField>
        <button type="submit">{t('kiosks.create')}</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
