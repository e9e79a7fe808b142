import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import { requireCapability, requireCapabilityForm } from '~/auth/permissions.server'
import { canManageRankings } from '~/auth/policy'
import { textValues } from '~/forms/form-values'
import { parseForm, rejectForm } from '~/forms/reject-form.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { GroupsSchema, SipasPointsFormSchema } from '~/ranking/admin-forms'
import { importExternalScores, summarizeExternalScores } from '~/ranking/external-import.server'
import { RankingAdminNav } from '~/ranking/ranking-admin-nav'
import { listRankingSettings, setGroupThresholds, setSipasCriterionPoints } from '~/ranking/ranking-settings.server'
import { pageTitle } from '~/ui/page-title'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { ImportSection } from './import-section'
import { SettingsSection } from './settings-section'

export const handle = { i18n: ['rankings'] } satisfies I18nHandle

/** Imported indices and ranking configuration change published figures: Ministry administrator only. */

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, canManageRankings)
  const [imported, settings, t, locale] = await Promise.all([
    summarizeExternalScores(),
    listRankingSettings(),
    getFixedT(request, 'rankings'),
    getLanguage(request),
  ])
  return {
    title: t('admin.external.metaTitle'),
    imported: imported.map((row) => ({ ...row, importedAt: row.importedAt?.toISOString() ?? null })),
    settings,
    locale,
    thisYear: new Date().getUTCFullYear(),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canManageRankings)
  const values = textValues(formData)
  const intent = formData.get('intent')

  if (intent === 'import') {
    const file = formData.get('file')
    if (!(file instanceof File) || file.size === 0) return refuseFile(values)
    const imported = await importExternalScores(await file.text(), actor.id)
    if (imported.problems.length > 0) {
      return rejectForm({ form: 'import' as const, fieldErrors: {}, values, problems: imported.problems })
    }
    return data({ form: 'import' as const, done: String(imported.imported) })
  }

  if (intent === 'groups') {
    const { data: groups, rejection } = parseForm(GroupsSchema, formData, { form: 'groups' as const })
    if (rejection) return rejection
    await setGroupThresholds(groups.index, groups.year, groups.bands, actor.id)
    return data({ form: 'groups' as const, done: `${groups.index} ${groups.year}` })
  }

  if (intent === 'points') {
    const { data: points, rejection } = parseForm(SipasPointsFormSchema, formData, { form: 'points' as const })
    if (rejection) return rejection
    await setSipasCriterionPoints(points.year, points.points, actor.id)
    return data({ form: 'points' as const, done: String(points.year) })
  }

  return refuseFile(values)
}

/** No file, an empty one, or a post that names none of the forms. */
function refuseFile(values: Record<string, string>) {
  return rejectForm({ form: 'import' as const, fieldErrors: { file: { key: 'admin.errors.file' } }, values })
}

export default function ExternalIndicesPage() {
  const { t } = useTranslation('rankings')

  return (
    <>
      <h1>{t('admin.external.title')}</h1>
      <RankingAdminNav />

      <ImportSection />
      <SettingsSection />
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
