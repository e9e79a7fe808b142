import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  data,
  useLoaderData,
  useMatches,
  useRouteLoaderData,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getCsrfToken } from './auth/csrf.server'
import { getUser } from './auth/session.server'
import { UserMenu } from './ui/user-menu'
import { getLanguage, languageCookie } from './i18n/i18next.server'
import { ResourcesScript } from './i18n/resources-script'
import { type I18nHandle, useHydrate } from './i18n/route-namespaces'
import { useSyncLanguage } from './i18n/use-sync-language'
import { GeneralErrorBoundary } from './ui/error-boundary'
import { LanguageSwitch } from './ui/language-switch'
import { useNonce } from './ui/nonce'
import styles from './ui/styles.css?url'

// The header's user menu speaks `auth`; every route adds its own namespaces (route-namespaces.ts).
export const handle = { i18n: ['auth'] } satisfies I18nHandle

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLanguage(request)
  const chosen = new URL(request.url).searchParams.has('lng')
  const [user, csrfToken] = await Promise.all([getUser(request), getCsrfToken(request)])
  return data(
    {
      locale,
      user: user ? { name: user.name, role: user.role } : null,
      csrfToken,
    },
    chosen ? { headers: { 'Set-Cookie': await languageCookie.serialize(locale) } } : undefined,
  )
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>('root')
  const locale = rootData?.locale ?? 'vi'
  const nonce = useNonce()
  const hydrate = useHydrate()
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ResourcesScript />
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  )
}

export default function App() {
  const { locale, user } = useLoaderData<typeof loader>()
  useSyncLanguage(locale)
  const { t } = useTranslation()
  const matches = useMatches()
  const inPageLanguageSwitch = matches.some((match) => (match.handle as I18nHandle | undefined)?.languageSwitch === 'in-page')
  if (matches.some((match) => (match.handle as I18nHandle | undefined)?.layout === 'bare')) return <Outlet />
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <a className="site-name" href={`/?lng=${locale}`}>
          {t('layout.siteName')}
        </a>
        <UserMenu user={user} />
        {inPageLanguageSwitch ? null : <LanguageSwitch locale={locale} />}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  )
}

export function ErrorBoundary() {
  return (
    <main id="main">
      <GeneralErrorBoundary />
    </main>
  )
}
