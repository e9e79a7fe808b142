import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { AdminNav } from '~/auth/admin-nav'
import { requireCsrfForm } from '~/auth/csrf.server'
import { issuePasswordReset } from '~/auth/password-reset.server'
import { requireManagedUser } from '~/auth/permissions.server'
import { assignableRoles, canAdministerNationally } from '~/auth/policy'
import { assignClerk, changeUserAccess, getManagedUser, setUserActive, unassignClerk } from '~/auth/user-admin.server'
import { UserAccessSchema } from '~/auth/user-schema'
import { useActionFields } from '~/forms/use-action-fields'
import { textValues } from '~/forms/form-values'
import { parseForm, rejectField } from '~/forms/reject-form.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { InputField } from '~/ui/input-field'
import { SelectField } from '~/ui/select-field'
import { pageTitle } from '~/ui/page-title'
import { listCurrentProvinces } from '~/units/unit-admin.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { StatusNotice } from '~/ui/status-notice'
import { IntentForm } from '~/ui/intent-form'

export const handle = { i18n: ['admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, target: access } = await requireManagedUser(request, params.userId ?? '')
  const [target, provinces, t, locale] = await Promise.all([
    getManagedUser(access.id),
    canAdministerNationally(actor) ? listCurrentProvinces() : Promise.resolve([]),
    getFixedT(request, 'admin'),
    getLanguage(request),
  ])
  if (!target) throw new Response(null, { status: 404 })
  return { title: t('user.metaTitle', { name: target.name }), target, provinces, roles: assignableRoles(actor.role), locale }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, target } = await requireManagedUser(request, params.userId ?? '')
  const formData = await requireCsrfForm(request)
  const values = textValues(formData)

  switch (values.intent) {
    case 'access': {
      const { data: access, rejection } = parseForm(UserAccessSchema, formData)
      if (rejection) return rejection
      const { error } = await changeUserAccess(actor, target, access)
      if (error) return rejectField(error, formData)
      return data({ saved: true })
    }
    case 'deactivate':
    case 'reactivate':
      await setUserActive(actor, target, values.intent === 'reactivate')
      return data({ saved: true })
    case 'reset': {
      const path = await issuePasswordReset(target.id, actor.id)
      return data({ resetLink: new URL(path, request.url).toString() })
    }
    case 'assign': {
      const { error } = await assignClerk(actor, target, values.servicePointCode ?? '')
      if (error) return rejectField(error, formData)
      return data({ saved: true })
    }
    case 'unassign':
      await unassignClerk(actor, target, values.servicePointId ?? '')
      return data({ saved: true })
    default:
      throw new Response(null, { status: 400 })
  }
}

export default function UserPage() {
  const { target, provinces, roles, locale } = useLoaderData<typeof loader>()
  const { t, actionData, values, error } = useActionFields<typeof action>('admin')
  const localName = (unit: { name: string; nameEn: string }) => (locale === 'en' ? unit.nameEn : unit.name)

  return (
    <>
      <h1>{target.name}</h1>
      <AdminNav />
      <StatusNotice message={actionData && 'saved' in actionData ? t('user.saved') : null} />
      <dl>
        <dt>{t('users.email')}</dt>
        <dd>{target.email}</dd>
        <dt>{t('users.role')}</dt>
        <dd>{t(`auth:roles.${target.role}`)}</dd>
        <dt>{t('users.scope')}</dt>
        <dd>{target.agency ? localName(target.agency) : (target.province?.name ?? t('users.national'))}</dd>
        <dt>{t('users.status')}</dt>
        <dd>{target.active ? t('users.active') : t('users.inactive')}</dd>
      </dl>

      <h2>{t('user.accessTitle')}</h2>
      <IntentForm intent="access">
        <SelectField
          name="role"
          label={t('users.role')}
          error={error('role')}
          value={values.role ?? target.role}
          options={roles.map((role) => ({ value: role, label: t(`auth:roles.${role}`) }))}
        />
        {provinces.length > 0 ? (
          <SelectField
            name="provinceId"
            label={t('users.province')}
            error={error('provinceId')}
            value={values.provinceId ?? target.provinceId ?? undefined}
            empty={t('users.noProvince')}
            options={provinces.map((province) => ({ value: province.id, label: province.name }))}
          />
        ) : null}
        <InputField
          name="agencyCode"
          label={t('users.agencyCode')}
          error={error('agencyCode')}
          value={values.agencyCode ?? target.agency?.code ?? ''}
        />
        <button type="submit">{t('user.saveAccess')}</button>
      </IntentForm>

      {target.role === 'clerk' ? (
        <>
          <h2>{t('user.assignmentsTitle')}</h2>
          <ul>
            {target.assignments.map(({ servicePoint }) => (
              <li key={servicePoint.id}>
                {servicePoint.code} — {localName(servicePoint)}{' '}
                <IntentForm intent="unassign" className="inline-form">
                  <input type="hidden" name="servicePointId" value={servicePoint.id} />
                  <button type="submit" className="secondary">
                    {t('user.unassign', { code: servicePoint.code })}
                  </button>
                </IntentForm>
              </li>
            ))}
          </ul>
          <IntentForm intent="assign">
            <InputField
              name="servicePointCode"
              label={t('user.servicePointCode')}
              error={error('servicePointCode')}
              value={values.servicePointCode}
              required
            />
            <button type="submit">{t('user.assign')}</button>
          </IntentForm>
        </>
      ) : null}

      <h2>{t('user.resetTitle')}</h2>
      <p>{t('user.resetHelp')}</p>
      {actionData && 'resetLink' in actionData ? (
        <p className="one-time-secret" role="status">
          {actionData.resetLink}
        </p>
      ) : null}
      <IntentForm intent="reset">
        <button type="submit" className="secondary">
          {t('user.issueReset')}
        </button>
      </IntentForm>

      <h2>{t('user.statusTitle')}</h2>
      <IntentForm intent={target.active ? 'deactivate' : 'reactivate'}>
        <button type="submit" className="secondary">
          {target.active ? t('user.deactivate') : t('user.reactivate')}
        </button>
      </IntentForm>
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
