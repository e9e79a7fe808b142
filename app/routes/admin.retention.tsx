import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AdminField } from '~/auth/admin-field'
import { AdminNav } from '~/auth/admin-nav'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { requireRole } from '~/auth/permissions.server'
import { getFixedT } from '~/i18n/i18next.server'
import {
  getCommentRetentionDays,
  RetentionFormSchema,
  setCommentRetentionDays,
  SUBMITTED_AT_RETENTION_DAYS,
} from '~/responses/retention.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['ministry_admin'])
  const [days, t] = await Promise.all([getCommentRetentionDays(), getFixedT(request, 'admin')])
  return { title: t('retention.metaTitle'), days, submittedAtDays: SUBMITTED_AT_RETENTION_DAYS }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ['ministry_admin'])
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const parsed = RetentionFormSchema.safeParse({ days: formData.get('days') })
  if (!parsed.success) {
    return data({ saved: false, error: 'retention.errors.days', value: String(formData.get('days') ?? '') }, { status: 400 })
  }
  await setCommentRetentionDays(parsed.data.days, actor.id)
  return { saved: true, error: null, value: String(parsed.data.days) }
}

export default function RetentionPage() {
  const { days, submittedAtDays } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  return (
    <>
      <h1>{t('retention.title')}</h1>
      <AdminNav />
      <p>{t('retention.explanation', { submittedAtDays })}</p>
      {actionData?.saved ? (
        <p className="notice" role="status">
          {t('retention.saved')}
        </p>
      ) : null}
      <Form method="post">
        <CsrfInput />
        <AdminField name="days" label={t('retention.days')} error={actionData?.error ? t(actionData.error) : undefined}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={1}
              max={3650}
              required
              defaultValue={actionData?.value ?? String(days)}
            />
          )}
        </AdminField>
        <button type="submit">{t('retention.save')}</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
