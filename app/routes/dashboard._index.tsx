import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireCapability } from '~/auth/permissions.server'
import { canReadDashboards, canReadNationally, roleAttachment } from '~/auth/policy'
import { agencyScope } from '~/auth/scope'
import { listDashboardAgencies } from '~/dashboard/agency-dashboard.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { listCurrentProvinces } from '~/ranking/peer-units.server'
import { ProvincePicker } from '~/ui/province-picker'
import { pageTitle } from '~/ui/page-title'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['dashboard'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

/**
 * Agency staff go straight to their agency's dashboard; users whose scope covers several
 * agencies (a province administrator, the Ministry) pick one. Clerks have no dashboard.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, canReadDashboards)
  if (roleAttachment(user.role) === 'agency') {
    if (!user.agencyId) throw new Response(null, { status: 403 })
    throw redirect(`/dashboard/${user.agencyId}`)
  }
  const ministry = canReadNationally(user)
  const chosen = new URL(request.url).searchParams.get('province') || null
  const provinceId = ministry ? chosen : user.provinceId
  const [provinces, agencies, t, locale] = await Promise.all([
    ministry ? listCurrentProvinces() : Promise.resolve([]),
    provinceId ? listDashboardAgencies(agencyScope(user), provinceId) : Promise.resolve([]),
    getFixedT(request, 'dashboard'),
    getLanguage(request),
  ])
  return { title: t('choose.metaTitle'), ministry, provinces, provinceId, agencies, locale }
}

export default function DashboardChooser() {
  const { ministry, provinces, provinceId, agencies, locale } = useLoaderData<typeof loader>()
  const { t } = useTranslation('dashboard')
  return (
    <>
      <h1>{t('choose.title')}</h1>
      {provinceId ? (
        <p>
          <a href={`/cases/performance?province=${provinceId}`}>{t('choose.responseTimesLink')}</a>
        </p>
      ) : null}
      {ministry ? (
        <>
          <p>
            <a href="/ministry">{t('choose.ministryLink')}</a>
          </p>
          <ProvincePicker provinces={provinces} value={provinceId} className="filter-form" submit={t('choose.show')}
            label={t('choose.province')} empty={t('choose.noProvince')} />
        </>
      ) : null}
      {provinceId === null ? (
        <p>{t('choose.pickProvince')}</p>
      ) : agencies.length === 0 ? (
        <p>{t('choose.none')}</p>
      ) : (
        <ul className="agency-list">
          {agencies.map((agency) => (
            <li key={agency.id}>
              <a href={`/dashboard/${agency.id}`}>{locale === 'en' ? agency.nameEn : agency.name}</a>{' '}
              <span className="hint">
                {agency.code} · {t(`kinds.${agency.kind}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
