import { zodResolver } from '@hookform/resolvers/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AdminField } from '~/auth/admin-field'
import { LoginSchema, type Login, type LoginInput } from '~/auth/login-schema'
import { homePathFor } from '~/auth/roles'
import { safeRedirectPath } from '~/auth/session-policy'
import { getUser, startSession } from '~/auth/session.server'
import { signIn } from '~/auth/sign-in.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { CheckedForm } from '~/ui/checked-form'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['auth'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const user = await getUser(request)
  if (user) throw redirect(safeRedirectPath(url.searchParams.get('redirectTo'), homePathFor(user.role)))
  const t = await getFixedT(request, 'auth')
  return {
    title: t('login.metaTitle'),
    redirectTo: url.searchParams.get('redirectTo') ?? '',
    passwordChanged: url.searchParams.has('reset'),
  }
}

type FieldErrors = Partial<Record<keyof Login, string[]>>

// Officials sign in from Vietnam; a clock time there reads better than "wait 4 minutes".
function formatRetryTime(at: Date, lng: string) {
  return new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'vi-VN', {
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(at)
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = Object.fromEntries(await request.formData())
  const parsed = LoginSchema.safeParse(submitted)
  const values = { email: typeof submitted.email === 'string' ? submitted.email : '' }
  if (!parsed.success) {
    const fieldErrors: FieldErrors = z.flattenError(parsed.error).fieldErrors
    return data({ fieldErrors, formError: null, values }, { status: 400 })
  }
  const result = await signIn({ ...parsed.data, clientIp: context.clientIp })
  if (result.kind === 'throttled') {
    const time = formatRetryTime(new Date(Date.now() + result.retryAfterMs), await getLanguage(request))
    return data(
      { fieldErrors: {} as FieldErrors, formError: { key: 'login.errors.throttled', time }, values },
      { status: 429, headers: { 'Retry-After': String(Math.ceil(result.retryAfterMs / 1000)) } }
    )
  }
  if (result.kind === 'invalid') {
    return data(
      { fieldErrors: {} as FieldErrors, formError: { key: 'login.errors.invalid', time: '' }, values },
      { status: 400 }
    )
  }
  const cookie = await startSession(request, result.userId)
  throw redirect(safeRedirectPath(parsed.data.redirectTo, homePathFor(result.role)), {
    headers: { 'Set-Cookie': cookie },
  })
}

export default function LoginPage() {
  const { redirectTo, passwordChanged } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const busy = useNavigation().state === 'submitting'
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginInput, unknown, Login>({
    resolver: zodResolver(LoginSchema),
    defaultValues: { email: actionData?.values.email ?? '', password: '' },
  })
  const emailError = errors.email?.message ?? actionData?.fieldErrors.email?.[0]
  const passwordError = errors.password?.message ?? actionData?.fieldErrors.password?.[0]
  const formError = actionData?.formError

  return (
    <>
      <h1>{t('login.title')}</h1>
      {passwordChanged ? (
        <p className="notice" role="status">
          {t('login.passwordChanged')}
        </p>
      ) : null}
      {formError ? (
        <p className="error-text" role="alert">
          {t(formError.key, { time: formError.time })}
        </p>
      ) : null}
      <CheckedForm handleSubmit={handleSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <AdminField name="email" label={t('login.email')} error={emailError ? t(emailError) : undefined}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              defaultValue={actionData?.values.email}
              {...register('email')}
            />
          )}
        </AdminField>
        <AdminField name="password" label={t('login.password')} error={passwordError ? t(passwordError) : undefined}>
          {(props) => <input {...props} type="password" autoComplete="current-password" {...register('password')} />}
        </AdminField>
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </CheckedForm>
      <p>{t('login.forgotten')}</p>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
