import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AdminPage } from '~/ui/admin-page'
import { requireCapability } from '~/auth/permissions.server'
import { canAdministerNationally, canDistributeSurveys } from '~/auth/policy'
import { servicePointScope } from '~/auth/scope'
import { getFixedT } from '~/i18n/i18next.server'
import { listServicePointLinks } from '~/questionnaire/distribution/distribution.server'
import { surveyUrl } from '~/questionnaire/distribution/survey-link'
import editorStyles from '~/questionnaire/editor/editor.css?url'
import { DataTable } from '~/ui/data-table'
import { ProvincePicker } from '~/ui/province-picker'
import { pageTitle } from '~/ui/page-title'
import { listCurrentProvinces } from '~/units/unit-admin.server'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['questionnaire', 'admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: editorStyles }]

/** Every service point's code, survey link, QR code and poster, one province at a time. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, canDistributeSurveys)
  const url = new URL(request.url)
  const ministry = canAdministerNationally(user)
  const provinceId = ministry ? url.searchParams.get('province') : user.provinceId
  const [provinces, servicePoints, t] = await Promise.all([
    ministry ? listCurrentProvinces() : Promise.resolve([]),
    provinceId ? listServicePointLinks({ AND: [servicePointScope(user), { provinceId }] }) : Promise.resolve([]),
    getFixedT(request, 'questionnaire'),
  ])
  return {
    title: t('distribution.metaTitle'),
    provinces,
    provinceId,
    servicePoints: servicePoints.map((point) => ({ ...point, url: surveyUrl(url.origin, point.code) })),
  }
}

export default function DistributionPage() {
  const { provinces, provinceId, servicePoints } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('questionnaire')
  const english = i18n.language === 'en'
  return (
    <AdminPage title={t('distribution.title')}>
      {provinces.length > 0 ? (
        <ProvincePicker provinces={provinces} value={provinceId} className="editor-row" submit={t('distribution.show')}
          label={t('distribution.province')} prompt={t('distribution.chooseProvince')} />
      ) : null}
      {provinceId && servicePoints.length === 0 ? <p>{t('distribution.empty')}</p> : null}
      {servicePoints.length > 0 ? (
        <DataTable
          caption={t('distribution.title')}
          hideCaption
          columns={[
            { label: t('distribution.code') },
            { label: t('distribution.servicePoint'), rowHeader: true },
            { label: t('distribution.link') },
            { label: t('distribution.downloads') },
          ]}
          rows={servicePoints.map((point) => {
            const base = `/admin/distribution/${encodeURIComponent(point.code)}`
            const name = english ? point.nameEn : point.name
            return {
              key: point.id,
              cells: [
                point.code,
                <>
                  {name}
                  <br />
                  <small>{english ? point.agency.nameEn : point.agency.name}</small>
                </>,
                <a href={point.url}>
                  {point.url}
                </a>,
                <>
                  <a href={`${base}/poster.pdf`} download aria-label={t('distribution.posterFor', { name })}>
                    {t('distribution.poster')}
                  </a>{' '}
                  · <a href={`${base}/qr.svg`} download aria-label={t('distribution.svgFor', { name })}>SVG</a>{' '}
                  · <a href={`${base}/qr.png`} download aria-label={t('distribution.pngFor', { name })}>PNG</a>
                </>,
              ],
            }
          })}
        />
      ) : null}
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
