import { zodResolver } from '@hookform/resolvers/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { LoginSchema, type Login, type LoginInput } from '~/auth/login-schema'
import { safeRedirectPath } from '~/auth/session-policy'
import { getUser, startSession } from '~/auth/session.server'
import { signIn } from '~/auth/sign-in.server'
import { homePathFor } from '~/auth/work-screens'
import type { FieldError } from '~/forms/field-errors'
import { formFields } from '~/forms/form-fields'
import { type FormValues, textValues } from '~/forms/form-values'
import { parseForm, rejectForm } from '~/forms/reject-form.server'
import { formatTime } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { CheckedForm } from '~/ui/checked-form'
import { Field } from '~/ui/field'
import { pageTitle } from '~/ui/page-title'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { StatusNotice } from '~/ui/status-notice'

export const handle = { i18n: ['auth'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const user = await getUser(request)
  if (user) throw redirect(safeRedirectPath(url.searchParams.get('redirectTo'), homePathFor(user)))
  const t = await getFixedT(request, 'auth')
  return {
    title: t('login.metaTitle'),
    redirectTo: url.searchParams.get('redirectTo') ?? '',
    passwordChanged: url.searchParams.has('reset'),
  }
}

/** The sign-in refused as a whole, the fields being well formed: one message above the form. */
function refuseSignIn(values: FormValues, formError: FieldError, init?: ResponseInit) {
  return rejectForm({ fieldErrors: {}, values, formError }, init)
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const values = textValues(formData)
  const { data: login, rejection } = parseForm(LoginSchema, formData, { formError: null as FieldError | null })
  if (rejection) return rejection
  const result = await signIn({ ...login, clientIp: context.clientIp })
  if (result.kind === 'throttled') {
    // Officials sign in from Vietnam; a clock time there reads better than "wait 4 minutes".
    const time = formatTime(new Date(Date.now() + result.retryAfterMs), await getLanguage(request))
    return refuseSignIn(values, { key: 'login.errors.throttled', params: { time } }, {
      status: 429,
      headers: { 'Retry-After': String(Math.ceil(result.retryAfterMs / 1000)) },
    })
  }
  if (result.kind === 'invalid') return refuseSignIn(values, { key: 'login.errors.invalid' })
  const cookie = await startSession(request, result.userId)
  throw redirect(safeRedirectPath(login.redirectTo, homePathFor(result)), {
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
  const { error } = formFields(actionData, t, { clientErrors: errors })
  const formError = actionData?.formError

  return (
    <>
      <h1>{t('login.title')}</h1>
      <StatusNotice message={passwordChanged ? t('login.passwordChanged') : null} />
      {formError ? (
        <p className="error-text" role="alert">
          {t(formError.key, formError.params)}
        </p>
      ) : null}
      <CheckedForm handleSubmit={handleSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="email" label={t('login.email')} error={error('email')}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              defaultValue={actionData?.values.email}
              {...register('email')}
            />
          )}
        </Field>
        <Field name="password" label={t('login.password')} error={error('password')}>
          {(props) => <input {...props} type="password" autoComplete="current-password" {...register('password')} />}
        </Field>
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </CheckedForm>
      <p>{t('login.forgotten')}</p>
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
