import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { CacheHandle } from '~/cache-control'
import { getFixedT } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { documentedOperations } from '~/read-api/api-docs'
import { openApiDocument } from '~/read-api/openapi'
import { OPENAPI_PATH } from '~/read-api/paths'
import { READ_API_LIMIT } from '~/auth/rate-limit.server'
import { DataTable } from '~/ui/data-table'
import { pageTitle } from '~/ui/page-title'

/*
 * /api/v1/docs — the read API for people (docs/decisions/021-read-api.md): access, pages,
 * caching, errors, then every operation of the OpenAPI document with its parameters, answers
 * and an example. Server-rendered, no JavaScript; public, like the document itself.
 */

export const handle = { i18n: ['api'], hydrate: false, cache: 'public' } satisfies I18nHandle & CacheHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = new URL(request.url).origin
  const t = await getFixedT(request, 'api')
  return {
    title: t('docs.metaTitle'),
    origin,
    operations: documentedOperations(openApiDocument(origin)),
    requestsPerMinute: READ_API_LIMIT.points,
  }
}

export default function ApiDocsPage() {
  const { origin, operations, requestsPerMinute } = useLoaderData<typeof loader>()
  const { t } = useTranslation('api')
  return (
    <article>
      <h1>{t('docs.title')}</h1>
      <p>
        {t('docs.intro')} <a href={OPENAPI_PATH}>{OPENAPI_PATH}</a>
      </p>
      <h2>{t('docs.authTitle')}</h2>
      <p>{t('docs.auth')}</p>
      <h2>{t('docs.pagingTitle')}</h2>
      <p>{t('docs.paging', { requests: requestsPerMinute })}</p>
      <h2>{t('docs.errorsTitle')}</h2>
      <p>{t('docs.errors')}</p>

      <h2>{t('docs.endpointsTitle')}</h2>
      {operations.map((operation) => (
        <section key={`${operation.method} ${operation.path}`} aria-labelledby={operation.operationId}>
          <h3 id={operation.operationId}>
            <code>
              {operation.method} {operation.path}
            </code>
          </h3>
          <p>{t(`docs.operations.${operation.operationId}`)}</p>
          {operation.requestBody ? (
            <p>
              {t('docs.requestBody')} <code>{operation.requestBody}</code>
            </p>
          ) : null}
          {operation.parameters.length > 0 ? (
            <DataTable
              caption={`${t('docs.parameters')}: ${operation.method} ${operation.path}`}
              columns={[{ label: t('docs.parameter') }, { label: t('docs.required') }, { label: t('docs.type') }, { label: t('docs.description') }]}
              rows={operation.parameters.map((parameter) => ({
                key: `${parameter.in}:${parameter.name}`,
                cells: [
                  <code key="name">{parameter.name}</code>,
                  parameter.required ? t('docs.yes') : t('docs.no'),
                  <>
                    <code>{parameter.values}</code>
                    {parameter.defaultValue === null ? null : ` (${t('docs.defaultValue', { value: parameter.defaultValue })})`}
                  </>,
                  t(`docs.params.${parameter.name}`),
                ],
              }))}
            />
          ) : null}
          <DataTable
            caption={`${t('docs.responses')}: ${operation.method} ${operation.path}`}
            columns={[{ label: t('docs.status') }, { label: t('docs.schema') }, { label: t('docs.description') }]}
            rows={operation.responses.map((response) => ({
              key: response.status,
              cells: [
                response.status,
                response.schema ? <code key="schema">{response.schema}</code> : t('docs.none'),
                // An operation may say more of a status than the read endpoints' common text.
                t([`docs.operationStatuses.${operation.operationId}.${response.status}`, `docs.statuses.${response.status}`]),
              ],
            }))}
          />
          <h4>{t('docs.example')}</h4>
          <pre>
            <code>
              {operation.method === 'POST'
                ? `curl -X POST -H "Authorization: Bearer sipas_tk_…" -H "Content-Type: application/json" -d '${operation.example}' "${origin}${operation.path}"`
                : `curl -H "Authorization: Bearer sipas_…" "${origin}${operation.example}"`}
            </code>
          </pre>
        </section>
      ))}
    </article>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
