import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadAdminPage, requireCapabilityForm } from '~/auth/permissions.server'
import { canManageCaseSettings, canReadCaseSettings } from '~/auth/policy'
import { daysOffOfYear } from '~/cases/deadline'
import { CaseSettingsFormSchema } from '~/cases/settings-form'
import { getCaseSettings, setCaseSettings } from '~/cases/settings.server'
import { parseForm } from '~/forms/reject-form.server'
import { useActionFields } from '~/forms/use-action-fields'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { vietnamDay } from '~/responses/vietnam-time'
import { AdminPage } from '~/ui/admin-page'
import { pageTitle } from '~/ui/page-title'
import { CaseSettingsForm } from './case-settings-form'
import { CaseSettingsSummary } from './case-settings-summary'
import { DaysOffTable } from './days-off-table'

/*
 * /admin/cases — the rules of feedback cases (docs/decisions/026-cases.md): which answers open a
 * case, its deadline in working days, the extra days off the government declares each year, the
 * second day of National Day, how long a citizen's contact details outlive the closed case. The
 * Ministry administrator changes them (audited); the provinces' administrators read them. Beside
 * the form, the days off the working-day calendar counts this year and next, so what is already
 * counted is not typed again and what is missing shows.
 */

export const handle = { i18n: ['admin', 'cases'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadAdminPage(request, { capability: canReadCaseSettings, namespace: 'cases', titleKey: 'settings.metaTitle' }, (user) => ({
    settings: getCaseSettings(),
    edits: canManageCaseSettings(user),
  }))
  const year = Number(vietnamDay(new Date()).slice(0, 4))
  const calendar = [year, year + 1].map((shown) => ({ year: shown, days: daysOffOfYear(shown, page.settings) }))
  return { ...page, calendar }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canManageCaseSettings)
  const { data: settings, rejection } = parseForm(CaseSettingsFormSchema, formData)
  if (rejection) return rejection
  await setCaseSettings(settings, actor.id)
  return { saved: true }
}

export default function CaseSettingsPage() {
  const { settings, edits, calendar, locale } = useLoaderData<typeof loader>()
  const { t, actionData } = useActionFields<typeof action>('cases')
  const saved = actionData && 'saved' in actionData

  return (
    <AdminPage title={t('settings.title')} notice={saved ? t('settings.saved') : null}>
      <p>{t('settings.intro')}</p>
      {edits ? <CaseSettingsForm settings={settings} actionData={actionData} /> : <CaseSettingsSummary settings={settings} />}
      <h2>{t('settings.calendarTitle')}</h2>
      <p>{t('settings.calendarIntro')}</p>
      {calendar.map(({ year, days }) => (
        <DaysOffTable key={year} year={year} days={days} locale={locale} />
      ))}
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
