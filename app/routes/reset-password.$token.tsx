import { zodResolver } from '@hookform/resolvers/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSubmit } from '@remix-run/react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { getPasswordResetAccount, resetPassword } from '~/auth/password-reset.server'
import { MIN_PASSWORD_LENGTH, NewPasswordSchema, type NewPassword } from '~/auth/password-policy'
import { getFixedT } from '~/i18n/i18next.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['auth'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

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

type FieldErrors = Partial<Record<keyof NewPassword, string[]>>

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = NewPasswordSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) {
    const fieldErrors: FieldErrors = z.flattenError(parsed.error).fieldErrors
    return data({ fieldErrors }, { status: 400 })
  }
  if (!(await resetPassword(params.token ?? '', parsed.data.password))) throw await invalidLink(request)
  throw redirect('/login?reset=1')
}

export default function ResetPasswordPage() {
  const { account } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const submit = useSubmit()
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<NewPassword>({ resolver: zodResolver(NewPasswordSchema), defaultValues: { password: '', confirm: '' } })
  const passwordError = errors.password?.message ?? actionData?.fieldErrors.password?.[0]
  const confirmError = errors.confirm?.message ?? actionData?.fieldErrors.confirm?.[0]

  return (
    <>
      <h1>{t('reset.title')}</h1>
      <p>{t('reset.lead', { name: account.name, email: account.email })}</p>
      <Form
        method="post"
        noValidate
        onSubmit={(event) => {
          const form = event.currentTarget
          void handleSubmit(() => submit(form))(event)
        }}
      >
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={account.email} />
        <div className="field">
          <label htmlFor="password">{t('reset.password')}</label>
          <p id="password-hint">{t('reset.hint', { min: MIN_PASSWORD_LENGTH })}</p>
          <input
            id="password"
            type="password"
            autoComplete="new-password"
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? 'password-hint password-error' : 'password-hint'}
            {...register('password')}
          />
          {passwordError ? (
            <p id="password-error" className="field-error">
              {t(passwordError, { min: MIN_PASSWORD_LENGTH })}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="confirm">{t('reset.confirm')}</label>
          <input
            id="confirm"
            type="password"
            autoComplete="new-password"
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? 'confirm-error' : undefined}
            {...register('confirm')}
          />
          {confirmError ? (
            <p id="confirm-error" className="field-error">
              {t(confirmError)}
            </p>
          ) : null}
        </div>
        <button type="submit">{t('reset.submit')}</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
