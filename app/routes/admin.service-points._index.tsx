import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadAdminPage, requireCapabilityForm, requireServicePointAccess } from '~/auth/permissions.server'
import { canManageUnits } from '~/auth/policy'
import { servicePointScope } from '~/auth/scope'
import { useActionFields } from '~/forms/use-action-fields'
import { textValues } from '~/forms/form-values'
import { createFromForm } from '~/forms/reject-form.server'
import { AdminPage } from '~/ui/admin-page'
import { CreateForm } from '~/ui/create-form'
import { IntentForm } from '~/ui/intent-form'
import { numericColumn } from '~/ui/data-table'
import { ListTable } from '~/ui/list-table'
import { InputField } from '~/ui/input-field'
import { pageTitle } from '~/ui/page-title'
import { ServicePointSchema } from '~/units/admin-forms'
import { createServicePoint, listServicePoints, setServicePointActive } from '~/units/unit-admin.server'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  return loadAdminPage(request, { capability: canManageUnits, namespace: 'admin', titleKey: 'servicePoints.metaTitle' }, (user) => ({
    servicePoints: listServicePoints(servicePointScope(user)),
  }))
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canManageUnits)
  const values = textValues(formData)

  if (values.intent === 'open' || values.intent === 'close') {
    await requireServicePointAccess(request, values.servicePointId ?? '')
    await setServicePointActive(actor.id, values.servicePointId ?? '', values.intent === 'open')
    return null
  }
  const { input, rejection } = await createFromForm(ServicePointSchema, formData, (point) => createServicePoint(actor, point))
  if (rejection) return rejection
  return data({ created: input.code })
}

export default function ServicePointsPage() {
  const { servicePoints, locale } = useLoaderData<typeof loader>()
  const { t, field, created } = useActionFields<typeof action>('admin')

  return (
    <AdminPage
      title={t('servicePoints.title')}
      notice={
        // A new service point's next need is its QR poster on the desk.
        created ? (
          <>
            {t('servicePoints.created', { code: created })}{' '}
            <a href={`/admin/distribution/${encodeURIComponent(created)}/poster.pdf`}>{t('servicePoints.poster', { code: created })}</a>
          </>
        ) : null
      }
    >
      <ListTable
        caption={t('servicePoints.title')}
        columns={[
          t('servicePoints.code'), { label: t('servicePoints.name'), rowHeader: true }, t('servicePoints.agency'),
          numericColumn(t('servicePoints.kiosks')), t('servicePoints.status'),
        ]}
        items={servicePoints}
        cells={(point) => [
          point.code,
          locale === 'en' ? point.nameEn : point.name,
          locale === 'en' ? point.agency.nameEn : point.agency.name,
          point._count.kiosks,
          <IntentForm intent={point.active ? 'close' : 'open'} hidden={{ servicePointId: point.id }} className="inline-form">
            {point.active ? t('servicePoints.open') : t('servicePoints.closed')}{' '}
            <button type="submit" className="secondary">
              {point.active
                ? t('servicePoints.close', { code: point.code })
                : t('servicePoints.reopen', { code: point.code })}
            </button>
          </IntentForm>,
        ]}
      />

      <CreateForm title={t('servicePoints.createTitle')} submit={t('servicePoints.create')}>
        <InputField {...field('code')} label={t('servicePoints.code')} required autoCapitalize="characters" />
        <InputField {...field('name')} label={t('servicePoints.nameVi')} required lang="vi" />
        <InputField {...field('nameEn')} label={t('servicePoints.nameEn')} required lang="en" />
        <InputField {...field('address')} label={t('servicePoints.address')} />
        <InputField
          {...field('agencyCode')}
          label={t('servicePoints.agencyCode')}
          required
          autoCapitalize="characters"
        />
      </CreateForm>
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
