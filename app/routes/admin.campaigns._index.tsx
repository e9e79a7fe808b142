import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AdminField } from '~/auth/admin-field'
import { AdminNav } from '~/auth/admin-nav'
import type { Actor } from '~/auth/access'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { textValues } from '~/auth/form-values'
import { requireRole } from '~/auth/permissions.server'
import { ADMIN_ROLES } from '~/auth/roles'
import { servicePointScope } from '~/auth/scope'
import type { Prisma } from '~/generated/prisma/client'
import { getFixedT } from '~/i18n/i18next.server'
import { CampaignError, createCampaign, findServicePointIds, listCampaigns } from '~/questionnaire/campaigns.server'
import editorStyles from '~/questionnaire/editor/editor.css?url'
import { QuestionnaireNav } from '~/questionnaire/editor/questionnaire-nav'
import { NewCampaignSchema, parseCodes } from '~/questionnaire/editor/schemas'
import { listPublishedVersions } from '~/questionnaire/versions.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { listCurrentProvinces } from '~/units/unit-admin.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: editorStyles }]

/** The Ministry sees every campaign; a province administrator the national ones and their own. */
function campaignScope(user: Actor): Prisma.CampaignWhereInput {
  if (user.role === 'ministry_admin') return {}
  return { OR: [{ provinceId: null }, { provinceId: user.provinceId ?? '' }] }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ADMIN_ROLES)
  const [campaigns, versions, provinces, t] = await Promise.all([
    listCampaigns(campaignScope(user)),
    listPublishedVersions(),
    user.role === 'ministry_admin' ? listCurrentProvinces() : Promise.resolve([]),
    getFixedT(request, 'questionnaire'),
  ])
  return { title: t('campaigns.metaTitle'), campaigns, versions, provinces }
}

type FieldErrors = Record<string, string[]>

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ADMIN_ROLES)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const values = textValues(formData)
  const fail = (fieldErrors: FieldErrors) => data({ fieldErrors, values, created: null }, { status: 400 })
  const parsed = NewCampaignSchema.safeParse(values)
  if (!parsed.success) return fail(z.flattenError(parsed.error).fieldErrors as FieldErrors)

  const input = parsed.data
  // A province administrator's campaigns are always their own province's.
  const provinceId = user.role === 'ministry_admin' ? input.provinceId || null : user.provinceId
  const scope: Prisma.ServicePointWhereInput = { AND: [servicePointScope(user), provinceId ? { provinceId } : {}] }
  const codes = input.allServicePoints === 'on' ? null : parseCodes(input.servicePointCodes)
  const servicePoints = await findServicePointIds(codes, scope)
  const unknown = codes?.filter((code) => !servicePoints.some((point) => point.code === code)) ?? []
  if (unknown.length > 0 || servicePoints.length === 0) {
    return fail({ servicePointCodes: ['campaigns.errors.unknownServicePoints'] })
  }
  try {
    await createCampaign({
      name: input.name,
      nameEn: input.nameEn,
      startsOn: new Date(`${input.startsOn}T00:00:00Z`),
      endsOn: new Date(`${input.endsOn}T00:00:00Z`),
      provinceId,
      versionId: input.versionId,
      servicePointIds: servicePoints.map((point) => point.id),
    })
  } catch (error) {
    if (error instanceof CampaignError) return fail({ versionId: [error.message] })
    throw error
  }
  return data({ fieldErrors: {} as FieldErrors, values: {}, created: input.name })
}

export default function CampaignsPage() {
  const { campaigns, versions, provinces } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('questionnaire')
  const english = i18n.language === 'en'
  const errors: Record<string, string[] | undefined> = actionData?.fieldErrors ?? {}
  const values: Record<string, string | undefined> = actionData?.values ?? {}
  const error = (name: string) => (errors[name]?.[0] ? t(errors[name][0]) : undefined)
  const day = (value: string | Date) => new Date(value).toISOString().slice(0, 10)

  return (
    <>
      <h1>{t('campaigns.title')}</h1>
      <AdminNav />
      <QuestionnaireNav />
      {actionData?.created ? (
        <p className="notice" role="status">
          {t('campaigns.created', { name: actionData.created })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('campaigns.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('campaigns.name')}</th>
              <th scope="col">{t('campaigns.period')}</th>
              <th scope="col">{t('campaigns.scope')}</th>
              <th scope="col">{t('campaigns.version')}</th>
              <th scope="col" className="num">
                {t('campaigns.servicePoints')}
              </th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((campaign) => (
              <tr key={campaign.id}>
                <td>{english ? campaign.nameEn : campaign.name}</td>
                <td>{t('campaigns.periodValue', { from: day(campaign.startsOn), to: day(campaign.endsOn) })}</td>
                <td>{campaign.province?.name ?? t('campaigns.national')}</td>
                <td>
                  {campaign.version.questionnaire.slug} v{campaign.version.version}
                </td>
                <td className="num">{campaign._count.servicePoints}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('campaigns.createTitle')}</h2>
      <Form method="post">
        <CsrfInput />
        <AdminField name="name" label={t('campaigns.nameVi')} error={error('name')}>
          {(props) => <input {...props} required lang="vi" defaultValue={values.name} />}
        </AdminField>
        <AdminField name="nameEn" label={t('campaigns.nameEn')} error={error('nameEn')}>
          {(props) => <input {...props} required lang="en" defaultValue={values.nameEn} />}
        </AdminField>
        <AdminField name="startsOn" label={t('campaigns.startsOn')} error={error('startsOn')}>
          {(props) => <input {...props} type="date" required defaultValue={values.startsOn} />}
        </AdminField>
        <AdminField name="endsOn" label={t('campaigns.endsOn')} error={error('endsOn')}>
          {(props) => <input {...props} type="date" required defaultValue={values.endsOn} />}
        </AdminField>
        {provinces.length > 0 ? (
          <AdminField name="provinceId" label={t('campaigns.scope')} error={error('provinceId')}>
            {(props) => (
              <select {...props} defaultValue={values.provinceId ?? ''}>
                <option value="">{t('campaigns.national')}</option>
                {provinces.map((province) => (
                  <option key={province.id} value={province.id}>
                    {province.name}
                  </option>
                ))}
              </select>
            )}
          </AdminField>
        ) : null}
        <AdminField name="versionId" label={t('campaigns.version')} error={error('versionId')}>
          {(props) => (
            <select {...props} required defaultValue={values.versionId}>
              {versions.map((version) => (
                <option key={version.id} value={version.id}>
                  {(english ? version.questionnaire.titleEn : version.questionnaire.title) + ` — v${version.version}`}
                </option>
              ))}
            </select>
          )}
        </AdminField>
        <AdminField name="servicePointCodes" label={t('campaigns.servicePointCodes')} error={error('servicePointCodes')}>
          {(props) => <textarea {...props} rows={4} defaultValue={values.servicePointCodes} />}
        </AdminField>
        <label className="checkbox">
          <input type="checkbox" name="allServicePoints" defaultChecked={values.allServicePoints === 'on'} />{' '}
          {t('campaigns.allServicePoints')}
        </label>
        <p>
          <button type="submit">{t('campaigns.create')}</button>
        </p>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
