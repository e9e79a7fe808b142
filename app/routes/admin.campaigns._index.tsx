import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AdminField, AdminInput, AdminSelect, AdminTable, formResult } from '~/auth/admin-field'
import { AdminNav } from '~/auth/admin-nav'
import type { Actor } from '~/auth/access'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { fieldErrorsOf, textValues } from '~/auth/form-values'
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
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['questionnaire', 'admin'] } satisfies I18nHandle

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
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error))

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
  const { values, error, field } = formResult(actionData, t)
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
      <AdminTable
        caption={t('campaigns.title')}
        columns={[
          { label: t('campaigns.name') },
          { label: t('campaigns.period') },
          { label: t('campaigns.scope') },
          { label: t('campaigns.version') },
          { label: t('campaigns.servicePoints'), numeric: true },
        ]}
      >
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
      </AdminTable>

      <h2>{t('campaigns.createTitle')}</h2>
      <Form method="post">
        <CsrfInput />
        <AdminInput {...field('name')} label={t('campaigns.nameVi')} required lang="vi" />
        <AdminInput {...field('nameEn')} label={t('campaigns.nameEn')} required lang="en" />
        <AdminInput {...field('startsOn')} label={t('campaigns.startsOn')} type="date" required />
        <AdminInput {...field('endsOn')} label={t('campaigns.endsOn')} type="date" required />
        {provinces.length > 0 ? (
          <AdminSelect
            {...field('provinceId')}
            label={t('campaigns.scope')}
            empty={t('campaigns.national')}
            options={provinces.map((province) => ({ value: province.id, label: province.name }))}
          />
        ) : null}
        <AdminSelect
          {...field('versionId')}
          label={t('campaigns.version')}
          required
          options={versions.map((version) => ({
            value: version.id,
            label: (english ? version.questionnaire.titleEn : version.questionnaire.title) + ` — v${version.version}`,
          }))}
        />
        <AdminField
          name="servicePointCodes"
          label={t('campaigns.servicePointCodes')}
          error={error('servicePointCodes')}
        >
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
