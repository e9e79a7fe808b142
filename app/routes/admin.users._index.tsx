import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AdminField } from '~/auth/admin-field'
import { AdminNav } from '~/auth/admin-nav'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { textValues } from '~/auth/form-values'
import { issuePasswordReset } from '~/auth/password-reset.server'
import { requireRole } from '~/auth/permissions.server'
import { ADMIN_ROLES, assignableRoles } from '~/auth/roles'
import { userScope } from '~/auth/scope'
import { createUser, listUsers } from '~/auth/user-admin.server'
import { NewUserSchema } from '~/auth/user-schema'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { listCurrentProvinces } from '~/units/unit-admin.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ADMIN_ROLES)
  const [users, provinces, t, locale] = await Promise.all([
    listUsers(userScope(user)),
    user.role === 'ministry_admin' ? listCurrentProvinces() : Promise.resolve([]),
    getFixedT(request, 'admin'),
    getLanguage(request),
  ])
  return { title: t('users.metaTitle'), users, provinces, roles: assignableRoles(user.role), locale }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ADMIN_ROLES)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const values = textValues(formData)
  const parsed = NewUserSchema.safeParse(values)
  if (!parsed.success) {
    return data({ fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values, created: null }, { status: 400 })
  }
  const result = await createUser(actor, parsed.data)
  if ('error' in result) {
    return data({ fieldErrors: { [result.error.field]: [result.error.key] }, values, created: null }, { status: 400 })
  }
  const resetPath = await issuePasswordReset(result.userId, actor.id)
  const resetLink = new URL(resetPath, request.url).toString()
  return data({ fieldErrors: {}, values: {}, created: { email: parsed.data.email, resetLink } })
}

export default function UsersPage() {
  const { users, provinces, roles, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const errors: Record<string, string[] | undefined> = actionData?.fieldErrors ?? {}
  const values: Record<string, string | undefined> = actionData?.values ?? {}
  const error = (field: string) => (errors[field]?.[0] ? t(errors[field][0]) : undefined)

  return (
    <>
      <h1>{t('users.title')}</h1>
      <AdminNav />
      {actionData?.created ? (
        <div className="notice" role="status">
          <p>{t('users.created', { email: actionData.created.email })}</p>
          <p className="one-time-secret">{actionData.created.resetLink}</p>
        </div>
      ) : null}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.scope')}</th>
              <th scope="col">{t('users.status')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <a href={`/admin/users/${user.id}`}>{user.name}</a>
                </td>
                <td>{user.email}</td>
                <td>{t(`auth:roles.${user.role}`)}</td>
                <td>{user.agency ? (locale === 'en' ? user.agency.nameEn : user.agency.name) : (user.province?.name ?? t('users.national'))}</td>
                <td>{user.active ? t('users.active') : t('users.inactive')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('users.createTitle')}</h2>
      <p>{t('users.createHelp')}</p>
      <Form method="post">
        <CsrfInput />
        <AdminField name="name" label={t('users.name')} error={error('name')}>
          {(props) => <input {...props} required defaultValue={values.name} />}
        </AdminField>
        <AdminField name="email" label={t('users.email')} error={error('email')}>
          {(props) => <input {...props} type="email" required defaultValue={values.email} />}
        </AdminField>
        <AdminField name="role" label={t('users.role')} error={error('role')}>
          {(props) => (
            <select {...props} required defaultValue={values.role}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`auth:roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </AdminField>
        {provinces.length > 0 ? (
          <AdminField name="provinceId" label={t('users.province')} error={error('provinceId')}>
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
        <AdminField name="agencyCode" label={t('users.agencyCode')} error={error('agencyCode')}>
          {(props) => <input {...props} defaultValue={values.agencyCode} />}
        </AdminField>
        <button type="submit">{t('users.create')}</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
