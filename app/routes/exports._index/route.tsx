import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { requireCsrfForm } from '~/auth/csrf.server'
import { requireCapability } from '~/auth/permissions.server'
import { canExportComments, canExportFigures, canExportMicrodata, canReadNationally } from '~/auth/policy'
import { listExportChoices, listExportJobs, requestExport } from '~/export/jobs.server'
import { periodFromFields } from '~/export/period-fields'
import { textValues } from '~/forms/form-values'
import { rejectForm } from '~/forms/reject-form.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { pageTitle } from '~/ui/page-title'
import { StatusNotice } from '~/ui/status-notice'
import { ExportForm } from './export-form'
import { ExportList } from './export-list'

export const handle = { i18n: ['exports', 'rankings'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

/** While a job runs, the page reloads itself this often without JavaScript, and revalidates with it. */
const REFRESH_SECONDS = 3
const POLL_MS = 1_000

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, canExportFigures)
  const [jobs, choices, t] = await Promise.all([listExportJobs(user.id), listExportChoices(user), getFixedT(request, 'exports')])
  return {
    title: t('page.metaTitle'),
    jobs,
    choices,
    now: new Date().toISOString(),
    active: jobs.some((job) => job.status === 'queued' || job.status === 'running'),
    queued: new URL(request.url).searchParams.get('queued'),
    may: { nationally: canReadNationally(user), microdata: canExportMicrodata(user), comments: canExportComments(user) },
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, canExportFigures)
  const formData = await requireCsrfForm(request)
  const values = textValues(formData)
  const fields = new URLSearchParams(Object.entries(values).filter(([name]) => !['kind', 'format'].includes(name)))
  fields.set('period', periodFromFields(values))
  const result = await requestExport(user, {
    kind: values.kind ?? '',
    format: values.format ?? '',
    fields,
    language: await getLanguage(request),
  })
  if (result.outcome === 'forbidden') throw new Response(null, { status: 403 })
  if (result.outcome === 'invalid') return rejectForm({ fieldErrors: result.fieldErrors, values })
  throw redirect(`/exports?queued=${result.jobId}`)
}

export default function ExportsPage() {
  const { jobs, active, queued, now, choices, may } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('exports')
  const revalidator = useRevalidator()
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [active, revalidator])

  return (
    <>
      {active ? (
        <noscript>
          <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
        </noscript>
      ) : null}
      <h1>{t('page.title')}</h1>
      <p>{t('page.intro')}</p>
      <StatusNotice message={queued ? t('page.queued') : null} />
      <ExportList jobs={jobs} now={now} />
      <ExportForm actionData={actionData} choices={choices} may={may} />
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
