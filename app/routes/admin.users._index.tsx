import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AdminInput, AdminSelect, AdminTable, formResult } from '~/auth/admin-field'
import { AdminNav } from '~/auth/admin-nav'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { fieldErrorsOf, rejectForm, textValues } from '~/auth/form-values'
import { issuePasswordReset } from '~/auth/password-reset.server'
import { requireRole } from '~/auth/permissions.server'
import { ADMIN_ROLES, assignableRoles } from '~/auth/roles'
import { userScope } from '~/auth/scope'
import { createUser, listUsers } from '~/auth/user-admin.server'
import { NewUserSchema } from '~/auth/user-schema'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { listCurrentProvinces } from '~/units/unit-admin.server'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ADMIN_ROLES)
  const [users, provinces, t, locale] = await Promise.all([
    listUsers(userScope(user)),
    user.role === 'ministry_admin' ? listCurrentProvinces() : Promise.resolve([]),
    getFixedT(request, 'admin'),
    getLanguage(request),
  ])
  return {
    title: t('users.metaTitle'),
    users,
    provinces,
    roles: assignableRoles(user.role),
    locale,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ADMIN_ROLES)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const values = textValues(formData)
  const parsed = NewUserSchema.safeParse(values)
  if (!parsed.success) {
    return rejectForm(values, fieldErrorsOf(parsed.error))
  }
  const result = await createUser(actor, parsed.data)
  if ('error' in result) {
    return data(
      {
        fieldErrors: { [result.error.field]: [result.error.key] },
        values,
        created: null,
      },
      { status: 400 }
    )
  }
  const resetPath = await issuePasswordReset(result.userId, actor.id)
  const resetLink = new URL(resetPath, request.url).toString()
  return data({
    fieldErrors: {},
    values: {},
    created: { email: parsed.data.email, resetLink },
  })
}

export default function UsersPage() {
  const { users, provinces, roles, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const { field } = formResult(actionData, t)

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
      <AdminTable
        caption={t('users.title')}
        columns={[
          { label: t('users.name') },
          { label: t('users.email') },
          { label: t('users.role') },
          { label: t('users.scope') },
          { label: t('users.status') },
        ]}
      >
        {users.map((user) => (
          <tr key={user.id}>
            <td>
              <a href={`/admin/users/${user.id}`}>{user.name}</a>
            </td>
            <td>{user.email}</td>
            <td>{t(`auth:roles.${user.role}`)}</td>
            <td>
              {user.agency
                ? locale === 'en'
                  ? user.agency.nameEn
                  : user.agency.name
                : user.province?.name ?? t('users.national')}
            </td>
            <td>{user.active ? t('users.active') : t('users.inactive')}</td>
          </tr>
        ))}
      </AdminTable>

      <h2>{t('users.createTitle')}</h2>
      <p>{t('users.createHelp')}</p>
      <Form method="post">
        <CsrfInput />
        <AdminInput {...field('name')} label={t('users.name')} required />
        <AdminInput {...field('email')} label={t('users.email')} type="email" required />
        <AdminSelect
          {...field('role')}
          label={t('users.role')}
          required
          options={roles.map((role) => ({
            value: role,
            label: t(`auth:roles.${role}`),
          }))}
        />
        {provinces.length > 0 ? (
          <AdminSelect
            {...field('provinceId')}
            label={t('users.province')}
            empty={t('users.noProvince')}
            options={provinces.map((province) => ({
              value: province.id,
              label: province.name,
            }))}
          />
        ) : null}
        <AdminInput {...field('agencyCode')} label={t('users.agencyCode')} />
        <button type="submit">{t('users.create')}</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
