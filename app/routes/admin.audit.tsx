import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AdminNav } from '~/auth/admin-nav'
import { requireCapability } from '~/auth/permissions.server'
import { canReadAuditLog } from '~/auth/policy'
import { AUDIT_PAGE_SIZE, listAuditEvents } from '~/audit/audit.server'
import { fieldErrorsOf } from '~/forms/field-errors'
import { formFields } from '~/forms/form-fields'
import type { Language } from '~/i18n/config'
import { formatDateTime } from '~/i18n/format'
import { getFixedT } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { DataTable } from '~/ui/data-table'
import { Field } from '~/ui/field'
import { pageTitle } from '~/ui/page-title'

export const handle = { i18n: ['admin', 'audit'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

const DAY_MS = 86_400_000
const MAX_FILTER_LENGTH = 200
const optionalText = (key: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().max(MAX_FILTER_LENGTH, key).optional())
const optionalDate = (key: string) =>
  z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.iso.date({ error: key }).optional(),
  )

/** The audit log's filters, from the query string; dates are whole days, `to` included. */
const AuditQuerySchema = z.object({
  action: optionalText('audit:errors.action'),
  actor: optionalText('audit:errors.actor'),
  target: optionalText('audit:errors.target'),
  from: optionalDate('audit:errors.date'),
  to: optionalDate('audit:errors.date'),
  cursor: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^\d{1,19}$/, 'audit:errors.cursor').optional()),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, canReadAuditLog)
  const t = await getFixedT(request, 'audit')
  const url = new URL(request.url)
  const values = Object.fromEntries(url.searchParams)
  const parsed = AuditQuerySchema.safeParse(values)
  if (!parsed.success) {
    return data({ title: t('metaTitle'), events: [], next: null, values, fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 })
  }
  const query = parsed.data
  const events = await listAuditEvents({
    action: query.action,
    actorEmail: query.actor,
    target: query.target,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    before: query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
    cursor: query.cursor ? BigInt(query.cursor) : undefined,
    take: AUDIT_PAGE_SIZE + 1,
  })
  const page = events.slice(0, AUDIT_PAGE_SIZE)
  const next = events.length > AUDIT_PAGE_SIZE ? nextPageHref(url, page.at(-1)!.id) : null
  return {
    title: t('metaTitle'),
    events: page.map((event) => ({ ...event, id: String(event.id), details: event.details === null ? '' : JSON.stringify(event.details) })),
    next,
    values,
    fieldErrors: {},
  }
}

function nextPageHref(url: URL, lastId: bigint): string {
  const params = new URLSearchParams(url.searchParams)
  params.set('cursor', String(lastId))
  return `/admin/audit?${params}`
}

export default function AuditLogPage() {
  const { events, next, values, fieldErrors } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('audit')
  const locale = i18n.language as Language
  const { field } = formFields({ fieldErrors, values }, t)
  const text = (name: string, label: string, type = 'text') => (
    <Field name={name} label={label} error={field(name).error}>
      {(props) => <input {...props} type={type} defaultValue={field(name).value} />}
    </Field>
  )
  return (
    <>
      <h1>{t('title')}</h1>
      <AdminNav />
      <Form method="get" className="filters">
        {text('action', t('filters.action'))}
        {text('actor', t('filters.actor'), 'email')}
        {text('target', t('filters.target'))}
        {text('from', t('filters.from'), 'date')}
        {text('to', t('filters.to'), 'date')}
        <button type="submit">{t('filters.submit')}</button>
      </Form>
      {events.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <DataTable
          caption={t('caption')}
          columns={[t('columns.at'), t('columns.action'), t('columns.actor'), t('columns.target'), t('columns.details')]}
          rows={events.map((event) => ({
            key: event.id,
            cells: [
              formatDateTime(event.at, locale),
              event.action,
              event.actorEmail ?? (event.actorId ? event.actorId : t('noActor')),
              event.target ?? '',
              <code key="details">{event.details}</code>,
            ],
          }))}
        />
      )}
      {next ? (
        <p>
          <a href={next}>{t('next')}</a>
        </p>
      ) : null}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
