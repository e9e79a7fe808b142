import { zodResolver } from '@hookform/resolvers/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { getPasswordResetAccount, resetPassword } from '~/auth/password-reset.server'
import { MIN_PASSWORD_LENGTH, NewPasswordSchema, type NewPassword } from '~/auth/password-policy'
import { formFields } from '~/forms/form-fields'
import { parseForm } from '~/forms/reject-form.server'
import { getFixedT } from '~/i18n/i18next.server'
import { CheckedForm } from '~/ui/checked-form'
import { Field } from '~/ui/field'
import { pageTitle } from '~/ui/page-title'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['auth'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

// The token in the URL is a credential: keep the page out of caches.
export const headers = () => ({ 'Cache-Control': 'no-store' })

async function invalidLink(request: Request) {
  const t = await getFixedT(request, 'auth')
  return new Response(t('reset.invalid'), { status: 404 })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const account = await getPasswordResetAccount(params.token ?? '')
  if (!account) throw await invalidLink(request)
  const t = await getFixedT(request, 'auth')
  return { title: t('reset.metaTitle'), account }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { data: form, rejection } = parseForm(NewPasswordSchema, await request.formData())
  if (rejection) return rejection
  if (!(await resetPassword(params.token ?? '', form.password))) throw await invalidLink(request)
  throw redirect('/login?reset=1')
}

export default function ResetPasswordPage() {
  const { account } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<NewPassword>({ resolver: zodResolver(NewPasswordSchema), defaultValues: { password: '', confirm: '' } })
  const { error } = formFields(actionData, t, { params: { min: MIN_PASSWORD_LENGTH }, clientErrors: errors })

  return (
    <>
      <h1>{t('reset.title')}</h1>
      <p>{t('reset.lead', { name: account.name, email: account.email })}</p>
      <CheckedForm handleSubmit={handleSubmit}>
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={account.email} />
        <Field
          name="password"
          label={t('reset.password')}
          hint={t('reset.hint', { min: MIN_PASSWORD_LENGTH })}
          error={error('password')}
        >
          {(props) => <input {...props} type="password" autoComplete="new-password" {...register('password')} />}
        </Field>
        <Field name="confirm" label={t('reset.confirm')} error={error('confirm')}>
          {(props) => <input {...props} type="password" autoComplete="new-password" {...register('confirm')} />}
        </Field>
        <button type="submit">{t('reset.submit')}</button>
      </CheckedForm>
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
