import { useRouteLoaderData } from '@remix-run/react'
import type { loader as rootLoader } from '~/root'
import { CSRF_FIELD } from '~/auth/csrf'

/** The hidden CSRF field every authenticated form includes; the root loader supplies the token. */
export function CsrfInput() {
  const rootData = useRouteLoaderData<typeof rootLoader>('root')
  return <input type="hidden" name={CSRF_FIELD} value={rootData?.csrfToken ?? ''} />
}
