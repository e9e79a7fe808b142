import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AdminField } from '~/auth/admin-field'
import { AdminNav } from '~/auth/admin-nav'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { textValues } from '~/auth/form-values'
import { requireRole } from '~/auth/permissions.server'
import { ADMIN_ROLES } from '~/auth/roles'
import { agencyScope } from '~/auth/scope'
import { AgencyKind } from '~/generated/prisma/enums'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { AgencySchema } from '~/units/admin-forms'
import { createAgency, listAgencies, listCurrentProvinces } from '~/units/unit-admin.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ADMIN_ROLES)
  const [agencies, provinces, t, locale] = await Promise.all([
    listAgencies(agencyScope(user)),
    user.role === 'ministry_admin' ? listCurrentProvinces() : Promise.resolve([]),
    getFixedT(request, 'admin'),
    getLanguage(request),
  ])
  return { title: t('agencies.metaTitle'), agencies, provinces, locale }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ADMIN_ROLES)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const values = textValues(formData)
  const parsed = AgencySchema.safeParse(values)
  if (!parsed.success) {
    return data({ fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values, created: null }, { status: 400 })
  }
  const created = await createAgency(actor, parsed.data)
  if ('error' in created) {
    return data({ fieldErrors: { [created.error.field]: [created.error.key] }, values, created: null }, { status: 400 })
  }
  return data({ fieldErrors: {}, values: {}, created: parsed.data.code })
}

export default function AgenciesPage() {
  const { agencies, provinces, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const errors: Record<string, string[] | undefined> = actionData?.fieldErrors ?? {}
  const values: Record<string, string | undefined> = actionData?.values ?? {}
  const error = (field: string) => (errors[field]?.[0] ? t(errors[field][0]) : undefined)

  return (
    <>
      <h1>{t('agencies.title')}</h1>
      <AdminNav />
      {actionData?.created ? (
        <p className="notice" role="status">
          {t('agencies.created', { code: actionData.created })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('agencies.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agencies.code')}</th>
              <th scope="col">{t('agencies.name')}</th>
              <th scope="col">{t('agencies.kind')}</th>
              <th scope="col">{t('agencies.province')}</th>
              <th scope="col" className="num">
                {t('agencies.servicePoints')}
              </th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((agency) => (
              <tr key={agency.id}>
                <td>{agency.code}</td>
                <td>{locale === 'en' ? agency.nameEn : agency.name}</td>
                <td>{t(`agencies.kinds.${agency.kind}`)}</td>
                <td>{agency.province?.name ?? t('users.national')}</td>
                <td className="num">{agency._count.servicePoints}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('agencies.createTitle')}</h2>
      <Form method="post">
        <CsrfInput />
        <AdminField name="code" label={t('agencies.code')} error={error('code')}>
          {(props) => <input {...props} required autoCapitalize="characters" defaultValue={values.code} />}
        </AdminField>
        <AdminField name="name" label={t('agencies.nameVi')} error={error('name')}>
          {(props) => <input {...props} required lang="vi" defaultValue={values.name} />}
        </AdminField>
        <AdminField name="nameEn" label={t('agencies.nameEn')} error={error('nameEn')}>
          {(props) => <input {...props} required lang="en" defaultValue={values.nameEn} />}
        </AdminField>
        <AdminField name="kind" label={t('agencies.kind')} error={error('kind')}>
          {(props) => (
            <select {...props} required defaultValue={values.kind}>
              {Object.values(AgencyKind).map((kind) => (
                <option key={kind} value={kind}>
                  {t(`agencies.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </AdminField>
        {provinces.length > 0 ? (
          <AdminField name="provinceId" label={t('agencies.province')} error={error('provinceId')}>
            {(props) => (
              <select {...props} defaultValue={values.provinceId ?? ''}>
                <option value="">{t('users.noProvince')}</option>
                {provinces.map((province) => (
                  <option key={province.id} value={province.id}>
                    {province.name}
                  </option>
                ))}
              </select>
            )}
          </AdminField>
        ) : null}
        <button type="submit">{t('agencies.create')}</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
