import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadAdminPage, requireCapabilityForm } from '~/auth/permissions.server'
import { canManageUnits } from '~/auth/policy'
import { agencyScope } from '~/auth/scope'
import { AgencyKind } from '~/generated/prisma/enums'
import { useActionFields } from '~/forms/use-action-fields'
import { createFromForm } from '~/forms/reject-form.server'
import { AdminPage } from '~/ui/admin-page'
import { CreateForm } from '~/ui/create-form'
import { numericColumn } from '~/ui/data-table'
import { ListTable } from '~/ui/list-table'
import { InputField } from '~/ui/input-field'
import { ProvinceField } from '~/ui/province-field'
import { SelectField } from '~/ui/select-field'
import { pageTitle } from '~/ui/page-title'
import { AgencySchema } from '~/units/admin-forms'
import { createAgency, listAgencies, listChoosableProvinces } from '~/units/unit-admin.server'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  return loadAdminPage(request, { capability: canManageUnits, namespace: 'admin', titleKey: 'agencies.metaTitle' }, (user) => ({
    agencies: listAgencies(agencyScope(user)),
    provinces: listChoosableProvinces(user),
  }))
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canManageUnits)
  const { input, rejection } = await createFromForm(AgencySchema, formData, (agency) => createAgency(actor, agency))
  if (rejection) return rejection
  return data({ created: input.code })
}

export default function AgenciesPage() {
  const { agencies, provinces, locale } = useLoaderData<typeof loader>()
  const { t, field, created } = useActionFields<typeof action>('admin')

  return (
    <AdminPage title={t('agencies.title')} notice={created ? t('agencies.created', { code: created }) : null}>
      <ListTable
        caption={t('agencies.title')}
        columns={[
          t('agencies.code'), { label: t('agencies.name'), rowHeader: true }, t('agencies.kind'), t('agencies.province'),
          numericColumn(t('agencies.servicePoints')),
        ]}
        items={agencies}
        cells={(agency) => [
          agency.code,
          locale === 'en' ? agency.nameEn : agency.name,
          t(`agencies.kinds.${agency.kind}`),
          agency.province?.name ?? t('users.national'),
          agency._count.servicePoints,
        ]}
      />

      <CreateForm title={t('agencies.createTitle')} submit={t('agencies.create')}>
        <InputField {...field('code')} label={t('agencies.code')} required autoCapitalize="characters" />
        <InputField {...field('name')} label={t('agencies.nameVi')} required lang="vi" />
        <InputField {...field('nameEn')} label={t('agencies.nameEn')} required lang="en" />
        <SelectField
          {...field('kind')}
          label={t('agencies.kind')}
          required
          options={Object.values(AgencyKind).map((kind) => ({
            value: kind,
            label: t(`agencies.kinds.${kind}`),
          }))}
        />
        <ProvinceField {...field('provinceId')} label={t('agencies.province')} empty={t('users.noProvince')} provinces={provinces} />
      </CreateForm>
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
