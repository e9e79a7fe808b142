import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { issuePasswordReset } from '~/auth/password-reset.server'
import { loadAdminPage, requireCapabilityForm } from '~/auth/permissions.server'
import { assignableRoles, canManageUsers } from '~/auth/policy'
import { userScope } from '~/auth/scope'
import { createUser, listUsers } from '~/auth/user-admin.server'
import { NewUserSchema } from '~/auth/user-schema'
import { useActionFields } from '~/forms/use-action-fields'
import { createFromForm } from '~/forms/reject-form.server'
import { AdminPage } from '~/ui/admin-page'
import { CreateForm } from '~/ui/create-form'
import { ListTable } from '~/ui/list-table'
import { InputField } from '~/ui/input-field'
import { ProvinceField } from '~/ui/province-field'
import { SelectField } from '~/ui/select-field'
import { pageTitle } from '~/ui/page-title'
import { listChoosableProvinces } from '~/units/unit-admin.server'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  return loadAdminPage(request, { capability: canManageUsers, namespace: 'admin', titleKey: 'users.metaTitle' }, (user) => ({
    users: listUsers(userScope(user)),
    provinces: listChoosableProvinces(user),
    roles: assignableRoles(user.role),
  }))
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canManageUsers)
  const { input, created, rejection } = await createFromForm(NewUserSchema, formData, (user) => createUser(actor, user))
  if (rejection) return rejection
  // The new user sets their own password through a one-time link the administrator hands over.
  const resetLink = new URL(await issuePasswordReset(created.userId, actor.id), request.url).toString()
  return data({ created: { email: input.email, resetLink } })
}

export default function UsersPage() {
  const { users, provinces, roles, locale } = useLoaderData<typeof loader>()
  const { t, field, created } = useActionFields<typeof action>('admin')

  return (
    <AdminPage title={t('users.title')}>
      {created ? (
        <div className="notice" role="status">
          <p>{t('users.created', { email: created.email })}</p>
          <p className="one-time-secret">{created.resetLink}</p>
        </div>
      ) : null}
      <ListTable
        caption={t('users.title')}
        columns={[t('users.name'), t('users.email'), t('users.role'), t('users.scope'), t('users.status')]}
        items={users}
        cells={(user) => [
          <a href={`/admin/users/${user.id}`}>{user.name}</a>,
          user.email,
          t(`auth:roles.${user.role}`),
          user.agency ? (locale === 'en' ? user.agency.nameEn : user.agency.name) : (user.province?.name ?? t('users.national')),
          user.active ? t('users.active') : t('users.inactive'),
        ]}
      />

      <CreateForm title={t('users.createTitle')} help={t('users.createHelp')} submit={t('users.create')}>
        <InputField {...field('name')} label={t('users.name')} required />
        <InputField {...field('email')} label={t('users.email')} type="email" required />
        <SelectField
          {...field('role')}
          label={t('users.role')}
          required
          options={roles.map((role) => ({
            value: role,
            label: t(`auth:roles.${role}`),
          }))}
        />
        <ProvinceField {...field('provinceId')} label={t('users.province')} empty={t('users.noProvince')} provinces={provinces} />
        <InputField {...field('agencyCode')} label={t('users.agencyCode')} />
      </CreateForm>
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
