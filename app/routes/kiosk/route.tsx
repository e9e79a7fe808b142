import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { getFixedT } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { KioskApp } from '~/kiosk-app/kiosk-app'
import { KIOSK_NAMESPACES } from '~/kiosk-app/kiosk-shell'
import kioskStyles from '~/kiosk-app/kiosk.css?url'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { pageTitle } from '~/ui/page-title'

/*
 * /kiosk — the touch terminal at a one-stop desk (docs/decisions/019-kiosk.md). Unlike the
 * citizens' pages (ADR 011) it is an app: it must work for days without network, so it ships
 * JavaScript (under 150 KB gzip, measured by test/e2e/kiosk.spec.ts), keeps its answers in
 * IndexedDB and starts offline from its service worker's precache. The document holds nothing
 * about the device: the server cannot know it, and the same cached document serves every start.
 */

export const handle = { i18n: KIOSK_NAMESPACES, layout: 'bare' } satisfies I18nHandle

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kioskStyles }]

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request, 'kiosk')
  return { title: t('metaTitle') }
}

export default function KioskRoute() {
  return <KioskApp />
}

export function ErrorBoundary() {
  return (
    <main id="main" className="kiosk">
      <GeneralErrorBoundary />
    </main>
  )
}
