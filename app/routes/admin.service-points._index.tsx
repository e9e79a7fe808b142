import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AdminField } from '~/auth/admin-field'
import { AdminNav } from '~/auth/admin-nav'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { textValues } from '~/auth/form-values'
import { requireRole, requireServicePointAccess } from '~/auth/permissions.server'
import { ADMIN_ROLES } from '~/auth/roles'
import { servicePointScope } from '~/auth/scope'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ServicePointSchema } from '~/units/admin-forms'
import { createServicePoint, listServicePoints, setServicePointActive } from '~/units/unit-admin.server'

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
    await requireServicePointAccess(request, values.servicePointId ?? '', { roles: ADMIN_ROLES })
    await setServicePointActive(actor.id, values.servicePointId ?? '', values.intent === 'open')
    return data({ fieldErrors: {}, values: {}, created: null })
  }
  const parsed = ServicePointSchema.safeParse(values)
  if (!parsed.success) {
    return data({ fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values, created: null }, { status: 400 })
  }
  const created = await createServicePoint(actor, parsed.data)
  if ('error' in created) {
    return data({ fieldErrors: { [created.error.field]: [created.error.key] }, values, created: null }, { status: 400 })
  }
  return data({ fieldErrors: {}, values: {}, created: parsed.data.code })
}

export default function ServicePointsPage() {
  const { servicePoints, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const errors: Record<string, string[] | undefined> = actionData?.fieldErrors ?? {}
  const values: Record<string, string | undefined> = actionData?.values ?? {}
  const error = (field: string) => (errors[field]?.[0] ? t(errors[field][0]) : undefined)

  return (
    <>
      <h1>{t('servicePoints.title')}</h1>
      <AdminNav />
      {actionData?.created ? (
        <p className="notice" role="status">
          {t('servicePoints.created', { code: actionData.created })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('servicePoints.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('servicePoints.code')}</th>
              <th scope="col">{t('servicePoints.name')}</th>
              <th scope="col">{t('servicePoints.agency')}</th>
              <th scope="col" className="num">
                {t('servicePoints.kiosks')}
              </th>
              <th scope="col">{t('servicePoints.status')}</th>
            </tr>
          </thead>
          <tbody>
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
                      {point.active ? t('servicePoints.close', { code: point.code }) : t('servicePoints.reopen', { code: point.code })}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('servicePoints.createTitle')}</h2>
      <Form method="post">
        <CsrfInput />
        <AdminField name="code" label={t('servicePoints.code')} error={error('code')}>
          {(props) => <input {...props} required autoCapitalize="characters" defaultValue={values.code} />}
        </AdminField>
        <AdminField name="name" label={t('servicePoints.nameVi')} error={error('name')}>
          {(props) => <input {...props} required lang="vi" defaultValue={values.name} />}
        </AdminField>
        <AdminField name="nameEn" label={t('servicePoints.nameEn')} error={error('nameEn')}>
          {(props) => <input {...props} required lang="en" defaultValue={values.nameEn} />}
        </AdminField>
        <AdminField name="address" label={t('servicePoints.address')} error={error('address')}>
          {(props) => <input {...props} defaultValue={values.address} />}
        </AdminField>
        <AdminField name="agencyCode" label={t('servicePoints.agencyCode')} error={error('agencyCode')}>
          {(props) => <input {...props} required autoCapitalize="characters" defaultValue={values.agencyCode} />}
        </AdminField>
        <button type="submit">{t('servicePoints.create')}</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
