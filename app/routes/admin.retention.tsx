import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { AdminPage } from '~/ui/admin-page'
import { CsrfInput } from '~/ui/csrf-input'
import { requireCapability, requireCapabilityForm } from '~/auth/permissions.server'
import { canManageRetention } from '~/auth/policy'
import { useActionFields } from '~/forms/use-action-fields'
import { textValues } from '~/forms/form-values'
import { rejectForm } from '~/forms/reject-form.server'
import { getFixedT } from '~/i18n/i18next.server'
import { getCaseSettings } from '~/cases/settings.server'
import { getCommentRetentionDays, RetentionFormSchema, setCommentRetentionDays, SUBMITTED_AT_RETENTION_DAYS } from '~/responses/retention.server'
import { Field } from '~/ui/field'
import { pageTitle } from '~/ui/page-title'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { StatusNotice } from '~/ui/status-notice'

export const handle = { i18n: ['admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, canManageRetention)
  const [days, cases, t] = await Promise.all([getCommentRetentionDays(), getCaseSettings(), getFixedT(request, 'admin')])
  return { title: t('retention.metaTitle'), days, submittedAtDays: SUBMITTED_AT_RETENTION_DAYS, contactDays: cases.contactRetentionDays }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canManageRetention)
  const parsed = RetentionFormSchema.safeParse({ days: formData.get('days') })
  if (!parsed.success) {
    return rejectForm({ fieldErrors: { days: { key: 'retention.errors.days' } }, values: textValues(formData) })
  }
  await setCommentRetentionDays(parsed.data.days, actor.id)
  return data({ saved: true })
}

export default function RetentionPage() {
  const { days: savedDays, submittedAtDays, contactDays } = useLoaderData<typeof loader>()
  const { t, actionData, field } = useActionFields<typeof action>('admin')
  const days = field('days')
  return (
    <AdminPage title={t('retention.title')}>
      <p>{t('retention.explanation', { submittedAtDays })}</p>
      <p>{t('retention.contacts', { contactDays })}</p>
      <StatusNotice message={actionData && 'saved' in actionData ? t('retention.saved') : null} />
      <Form method="post">
        <CsrfInput />
        <Field name="days" label={t('retention.days')} error={days.error}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={1}
              max={3650}
              required
              defaultValue={days.value ?? String(savedDays)}
            />
          )}
        </Field>
        <button type="submit">{t('retention.save')}</button>
      </Form>
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
