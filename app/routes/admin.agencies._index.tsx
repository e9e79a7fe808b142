import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AdminInput, AdminSelect, AdminTable, formResult } from '~/auth/admin-field'
import { AdminNav } from '~/auth/admin-nav'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { fieldErrorsOf, rejectForm, textValues } from '~/auth/form-values'
import { requireRole } from '~/auth/permissions.server'
import { ADMIN_ROLES } from '~/auth/roles'
import { agencyScope } from '~/auth/scope'
import { AgencyKind } from '~/generated/prisma/enums'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { AgencySchema } from '~/units/admin-forms'
import { createAgency, listAgencies, listCurrentProvinces } from '~/units/unit-admin.server'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['admin'] } satisfies I18nHandle

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
    return rejectForm(values, fieldErrorsOf(parsed.error))
  }
  const created = await createAgency(actor, parsed.data)
  if ('error' in created) {
    return rejectForm(values, { [created.error.field]: [created.error.key] })
  }
  return data({ fieldErrors: {}, values: {}, created: parsed.data.code })
}

export default function AgenciesPage() {
  const { agencies, provinces, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const { field } = formResult(actionData, t)

  return (
    <>
      <h1>{t('agencies.title')}</h1>
      <AdminNav />
      {actionData?.created ? (
        <p className="notice" role="status">
          {t('agencies.created', { code: actionData.created })}
        </p>
      ) : null}
      <AdminTable
        caption={t('agencies.title')}
        columns={[
          { label: t('agencies.code') },
          { label: t('agencies.name') },
          { label: t('agencies.kind') },
          { label: t('agencies.province') },
          { label: t('agencies.servicePoints'), numeric: true },
        ]}
      >
        {agencies.map((agency) => (
          <tr key={agency.id}>
            <td>{agency.code}</td>
            <td>{locale === 'en' ? agency.nameEn : agency.name}</td>
            <td>{t(`agencies.kinds.${agency.kind}`)}</td>
            <td>{agency.province?.name ?? t('users.national')}</td>
            <td className="num">{agency._count.servicePoints}</td>
          </tr>
        ))}
      </AdminTable>

      <h2>{t('agencies.createTitle')}</h2>
      <Form method="post">
        <CsrfInput />
        <AdminInput {...field('code')} label={t('agencies.code')} required autoCapitalize="characters" />
        <AdminInput {...field('name')} label={t('agencies.nameVi')} required lang="vi" />
        <AdminInput {...field('nameEn')} label={t('agencies.nameEn')} required lang="en" />
        <AdminSelect
          {...field('kind')}
          label={t('agencies.kind')}
          required
          options={Object.values(AgencyKind).map((kind) => ({
            value: kind,
            label: t(`agencies.kinds.${kind}`),
          }))}
        />
        {provinces.length > 0 ? (
          <AdminSelect
            {...field('provinceId')}
            label={t('agencies.province')}
            empty={t('users.noProvince')}
            options={provinces.map((province) => ({
              value: province.id,
              label: province.name,
            }))}
          />
        ) : null}
        <button type="submit">{t('agencies.create')}</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
