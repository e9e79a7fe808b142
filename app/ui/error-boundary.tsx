import { isRouteErrorResponse, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * The one place thrown responses are rendered. A thrown response's body may carry a message
 * already in the user's language; other errors never show their stack or SQL.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data === 'string' && error.data ? error.data : t(`errors.status.${statusKey(error.status)}`)
    return (
      <section className="error-page" role="alert">
        <h1>{t('errors.title', { status: error.status })}</h1>
        <p>{message}</p>
        <p>
          <a href="/">{t('errors.home')}</a>
        </p>
      </section>
    )
  }
  return (
    <section className="error-page" role="alert">
      <h1>{t('errors.unexpectedTitle')}</h1>
      <p>{t('errors.unexpected')}</p>
      <p>
        <a href="/">{t('errors.home')}</a>
      </p>
    </section>
  )
}

function statusKey(status: number) {
  return [400, 401, 403, 404, 409, 413, 415, 429, 503].includes(status) ? String(status) : 'other'
}
