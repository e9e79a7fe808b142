import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getAccount } from '~/auth/account.server'
import { CsrfInput } from '~/ui/csrf-input'
import { requireUser } from '~/auth/session.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { pageTitle } from '~/ui/page-title'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['auth'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [account, t, locale] = await Promise.all([getAccount(user.id), getFixedT(request, 'auth'), getLanguage(request)])
  return { title: t('account.metaTitle'), account, locale }
}

export default function AccountPage() {
  const { account, locale } = useLoaderData<typeof loader>()
  const { t } = useTranslation('auth')
  const agencyName = account.agency ? (locale === 'en' ? account.agency.nameEn : account.agency.name) : null
  return (
    <>
      <h1>{t('account.title')}</h1>
      <dl>
        <dt>{t('account.name')}</dt>
        <dd>{account.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`roles.${account.role}`)}</dd>
        {account.province ? (
          <>
            <dt>{t('account.province')}</dt>
            <dd>{account.province.name}</dd>
          </>
        ) : null}
        {agencyName ? (
          <>
            <dt>{t('account.agency')}</dt>
            <dd>{agencyName}</dd>
          </>
        ) : null}
      </dl>
      {account.assignments.length > 0 ? (
        <>
          <h2>{t('account.servicePoints')}</h2>
          <ul>
            {account.assignments.map(({ servicePoint }) => (
              <li key={servicePoint.code}>
                {servicePoint.code} — {locale === 'en' ? servicePoint.nameEn : servicePoint.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('account.sessionsTitle')}</h2>
      <p>{t('account.sessions', { n: account._count.sessions })}</p>
      <Form method="post" action="/logout">
        <CsrfInput />
        <input type="hidden" name="intent" value="everywhere" />
        <button type="submit" className="secondary">
          {t('account.signOutEverywhere')}
        </button>
      </Form>
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
