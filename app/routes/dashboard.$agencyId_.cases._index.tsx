import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireAgencyAccess } from '~/auth/permissions.server'
import { canReadCases } from '~/auth/policy'
import { getAgency } from '~/dashboard/agency-dashboard.server'
import { listAgencyCases } from '~/dashboard/cases.server'
import { formatNumber } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { vietnamDay } from '~/responses/vietnam-time'
import { DataTable } from '~/ui/data-table'
import { pageTitle } from '~/ui/page-title'

/*
 * An agency's cases (docs/decisions/026-cases.md): how many are open, overdue and answered, and
 * those not yet closed, oldest first. Read by whoever reads the agency's comments.
 */

export const handle = { i18n: ['cases'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agencyId = params.agencyId ?? ''
  const user = await requireAgencyAccess(request, agencyId)
  if (!canReadCases(user, agencyId)) throw new Response(null, { status: 403 })
  const [agency, list, t, locale] = await Promise.all([
    getAgency(agencyId),
    listAgencyCases(agencyId, vietnamDay(new Date())),
    getFixedT(request, 'cases'),
    getLanguage(request),
  ])
  const name = locale === 'en' ? agency!.nameEn : agency!.name
  return { title: t('list.metaTitle', { name }), agency: { id: agencyId, name }, locale, ...list }
}

export default function AgencyCases() {
  const { agency, locale, cases, counts } = useLoaderData<typeof loader>()
  const { t } = useTranslation('cases')

  return (
    <>
      <p>
        <Link to={`/dashboard/${agency.id}`}>{t('list.back', { name: agency.name })}</Link>
      </p>
      <h1>{t('list.title', { name: agency.name })}</h1>
      <p className="lead">{t('list.lead')}</p>
      <dl className="case-counts">
        {(['open', 'overdue', 'answered', 'closed'] as const).map((state) => (
          <div key={state}>
            <dt>{t(`states.${state}`)}</dt>
            <dd>{formatNumber(counts[state], locale)}</dd>
          </div>
        ))}
      </dl>
      {cases.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <DataTable
          caption={t('list.caption')}
          columns={[
            { label: t('list.opened'), rowHeader: true },
            t('list.due'),
            t('list.state'),
            t('list.servicePoint'),
            t('list.assignee'),
          ]}
          rows={cases.map((row) => ({
            key: row.id,
            cells: [
              <Link key="open" to={row.id} aria-label={t('list.openCase', { date: row.openedOn, servicePoint: row.servicePoint.name })}>
                {row.openedOn}
              </Link>,
              row.dueOn,
              <span key="state" className={row.state === 'overdue' ? 'error-text' : undefined}>
                {t(`states.${row.state}`)}
              </span>,
              locale === 'en' ? row.servicePoint.nameEn : row.servicePoint.name,
              row.assignee ?? t('list.unassigned'),
            ],
          }))}
        />
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
