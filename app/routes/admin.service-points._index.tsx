import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AdminInput, AdminTable, formResult } from '~/auth/admin-field'
import { AdminNav } from '~/auth/admin-nav'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { fieldErrorsOf, rejectForm, textValues } from '~/auth/form-values'
import { requireRole, requireServicePointAccess } from '~/auth/permissions.server'
import { ADMIN_ROLES } from '~/auth/roles'
import { servicePointScope } from '~/auth/scope'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ServicePointSchema } from '~/units/admin-forms'
import { createServicePoint, listServicePoints, setServicePointActive } from '~/units/unit-admin.server'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ADMIN_ROLES)
  const [servicePoints, t, locale] = await Promise.all([
    listServicePoints(servicePointScope(user)),
    getFixedT(request, 'admin'),
    getLanguage(request),
  ])
  return { title: t('servicePoints.metaTitle'), servicePoints, locale }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ADMIN_ROLES)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const values = textValues(formData)

  if (values.intent === 'open' || values.intent === 'close') {
    await requireServicePointAccess(request, values.servicePointId ?? '', {
      roles: ADMIN_ROLES,
    })
    await setServicePointActive(actor.id, values.servicePointId ?? '', values.intent === 'open')
    return data({ fieldErrors: {}, values: {}, created: null })
  }
  const parsed = ServicePointSchema.safeParse(values)
  if (!parsed.success) {
    return rejectForm(values, fieldErrorsOf(parsed.error))
  }
  const created = await createServicePoint(actor, parsed.data)
  if ('error' in created) {
    return rejectForm(values, { [created.error.field]: [created.error.key] })
  }
  return data({ fieldErrors: {}, values: {}, created: parsed.data.code })
}

export default function ServicePointsPage() {
  const { servicePoints, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const { field } = formResult(actionData, t)

  return (
    <>
      <h1>{t('servicePoints.title')}</h1>
      <AdminNav />
      {actionData?.created ? (
        <p className="notice" role="status">
          {t('servicePoints.created', { code: actionData.created })}
        </p>
      ) : null}
      <AdminTable
        caption={t('servicePoints.title')}
        columns={[
          { label: t('servicePoints.code') },
          { label: t('servicePoints.name') },
          { label: t('servicePoints.agency') },
          { label: t('servicePoints.kiosks'), numeric: true },
          { label: t('servicePoints.status') },
        ]}
      >
        {servicePoints.map((point) => (
          <tr key={point.id}>
            <td>{point.code}</td>
            <td>{locale === 'en' ? point.nameEn : point.name}</td>
            <td>{locale === 'en' ? point.agency.nameEn : point.agency.name}</td>
            <td className="num">{point._count.kiosks}</td>
            <td>
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="servicePointId" value={point.id} />
                <input type="hidden" name="intent" value={point.active ? 'close' : 'open'} />
                {point.active ? t('servicePoints.open') : t('servicePoints.closed')}{' '}
                <button type="submit" className="secondary">
                  {point.active
                    ? t('servicePoints.close', { code: point.code })
                    : t('servicePoints.reopen', { code: point.code })}
                </button>
              </Form>
            </td>
          </tr>
        ))}
      </AdminTable>

      <h2>{t('servicePoints.createTitle')}</h2>
      <Form method="post">
        <CsrfInput />
        <AdminInput {...field('code')} label={t('servicePoints.code')} required autoCapitalize="characters" />
        <AdminInput {...field('name')} label={t('servicePoints.nameVi')} required lang="vi" />
        <AdminInput {...field('nameEn')} label={t('servicePoints.nameEn')} required lang="en" />
        <AdminInput {...field('address')} label={t('servicePoints.address')} />
        <AdminInput
          {...field('agencyCode')}
          label={t('servicePoints.agencyCode')}
          required
          autoCapitalize="characters"
        />
        <button type="submit">{t('servicePoints.create')}</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
