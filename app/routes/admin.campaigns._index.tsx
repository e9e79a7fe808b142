import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AdminPage } from '~/ui/admin-page'
import { CreateForm } from '~/ui/create-form'
import { recordAudit } from '~/audit/audit.server'
import { CampaignFormsSchema, FORM_CHANNELS, shortFormChannelsOf } from '~/questionnaire/campaign-forms'
import { IntentForm } from '~/ui/intent-form'
import { loadAdminPage, requireCapabilityForm } from '~/auth/permissions.server'
import { type Actor, canAdministerNationally, canManageCampaigns } from '~/auth/policy'
import { servicePointScope } from '~/auth/scope'
import { formFields } from '~/forms/form-fields'
import { textValues } from '~/forms/form-values'
import { parseForm, rejectForm } from '~/forms/reject-form.server'
import type { Prisma } from '~/generated/prisma/client'
import { isoDate } from '~/i18n/format'
import {
  CampaignError,
  createCampaign,
  findServicePointIds,
  listCampaigns,
  listShortFormVersionIds,
  setShortFormChannels,
} from '~/questionnaire/campaigns.server'
import editorStyles from '~/questionnaire/editor/editor.css?url'
import { NewCampaignSchema, parseCodes } from '~/questionnaire/editor/schemas'
import { listPublishedVersions } from '~/questionnaire/versions.server'
import { numericColumn } from '~/ui/data-table'
import { ListTable } from '~/ui/list-table'
import { Field } from '~/ui/field'
import { InputField } from '~/ui/input-field'
import { ProvinceField } from '~/ui/province-field'
import { SelectField } from '~/ui/select-field'
import { pageTitle } from '~/ui/page-title'
import { listChoosableProvinces } from '~/units/unit-admin.server'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['questionnaire', 'admin', 'sampling'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: editorStyles }]

/** The Ministry sees every campaign; a province administrator the national ones and their own. */
function campaignScope(user: Actor): Prisma.CampaignWhereInput {
  if (canAdministerNationally(user)) return {}
  return { OR: [{ provinceId: null }, { provinceId: user.provinceId ?? '' }] }
}

export async function loader({ request }: LoaderFunctionArgs) {
  return loadAdminPage(request, { capability: canManageCampaigns, namespace: 'questionnaire', titleKey: 'campaigns.metaTitle' }, (user) => ({
    campaigns: listCampaigns(campaignScope(user)),
    versions: listPublishedVersions(),
    shortFormVersionIds: listShortFormVersionIds(),
    provinces: listChoosableProvinces(user),
  }))
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor: user, formData } = await requireCapabilityForm(request, canManageCampaigns)
  if (formData.get('intent') === 'forms') return setForms(user, formData)
  const { data: input, rejection } = parseForm(NewCampaignSchema, formData, { intent: 'create' })
  if (rejection) return rejection
  const values = textValues(formData)
  // A province administrator's campaigns are always their own province's.
  const provinceId = canAdministerNationally(user) ? input.provinceId || null : user.provinceId
  const scope: Prisma.ServicePointWhereInput = { AND: [servicePointScope(user), provinceId ? { provinceId } : {}] }
  const codes = input.allServicePoints === 'on' ? null : parseCodes(input.servicePointCodes)
  const servicePoints = await findServicePointIds(codes, scope)
  const unknown = codes?.filter((code) => !servicePoints.some((point) => point.code === code)) ?? []
  if (unknown.length > 0 || servicePoints.length === 0) {
    return rejectForm({ intent: 'create', fieldErrors: { servicePointCodes: { key: 'campaigns.errors.unknownServicePoints' } }, values })
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
    if (error instanceof CampaignError) return rejectForm({ intent: 'create', fieldErrors: { versionId: { key: error.message } }, values })
    throw error
  }
  return data({ created: input.name })
}

/**
 * Full or short form per channel for one campaign in the actor's scope; the short form only when
 * the campaign's version has one (docs/decisions/027-short-forms.md).
 */
async function setForms(user: Actor, formData: FormData) {
  const { data: forms, rejection } = parseForm(CampaignFormsSchema, formData, { intent: 'forms' })
  if (rejection) return rejection
  const channels = shortFormChannelsOf(forms)
  try {
    await setShortFormChannels(forms.campaignId, channels, campaignScope(user))
  } catch (error) {
    if (!(error instanceof CampaignError)) throw error
    return rejectForm({ intent: 'forms', fieldErrors: { phone: { key: error.message } }, values: textValues(formData) })
  }
  await recordAudit('campaign.forms_set', { actorId: user.id, target: `campaign:${forms.campaignId}`, details: { shortFormChannels: channels } })
  return data({ formsSaved: forms.campaignId })
}

export default function CampaignsPage() {
  const { campaigns, versions, provinces, shortFormVersionIds } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('questionnaire')
  const { t: ts } = useTranslation('sampling')
  const english = i18n.language === 'en'
  const posted = actionData && 'intent' in actionData ? actionData.intent : null
  const { values, error, field, created } = formFields(posted === 'forms' ? undefined : actionData, t)
  const formsForm = formFields(posted === 'forms' ? actionData : undefined, t)
  const formsSaved = actionData && 'formsSaved' in actionData ? actionData.formsSaved : null
  const withShortForm = new Set(shortFormVersionIds)
  const formsOf = (campaign: (typeof campaigns)[number]) =>
    withShortForm.has(campaign.version.id)
      ? FORM_CHANNELS.map((channel) =>
          t('campaigns.forms.channelForm', {
            channel: t(`campaigns.forms.channels.${channel}`),
            form: t(campaign.shortFormChannels.includes(channel) ? 'campaigns.forms.short' : 'campaigns.forms.full'),
          }),
        ).join(' · ')
      : t('campaigns.forms.fullOnly')
  const shortFormCampaigns = campaigns.filter((campaign) => withShortForm.has(campaign.version.id))
  const day = (value: string | Date) => isoDate(new Date(value))

  return (
    <AdminPage
      title={t('campaigns.title')}
      notice={
        created
          ? t('campaigns.created', { name: created })
          : formsSaved
            ? t('campaigns.forms.saved', { name: campaignName(campaigns.find((campaign) => campaign.id === formsSaved), english) })
            : null
      }
    >
      <ListTable
        caption={t('campaigns.title')}
        columns={[
          t('campaigns.name'), t('campaigns.period'), t('campaigns.scope'), t('campaigns.version'),
          numericColumn(t('campaigns.servicePoints')),
          t('campaigns.forms.column'),
          ts('links.plan'),
        ]}
        items={campaigns}
        cells={(campaign) => [
          english ? campaign.nameEn : campaign.name,
          t('campaigns.periodValue', { from: day(campaign.startsOn), to: day(campaign.endsOn) }),
          campaign.province?.name ?? t('campaigns.national'),
          `${campaign.version.questionnaire.slug} v${campaign.version.version}`,
          campaign._count.servicePoints,
          formsOf(campaign),
          <>
            <a href={`/admin/campaigns/${campaign.id}/plan`}>{ts('links.plan')}</a> ·{' '}
            <a href={`/campaigns/${campaign.id}/progress`}>{ts('links.progress')}</a>
          </>,
        ]}
      />

      <h2>{t('campaigns.forms.title')}</h2>
      <p>{t('campaigns.forms.help')}</p>
      {shortFormCampaigns.length === 0 ? <p>{t('campaigns.forms.none')}</p> : null}
      {shortFormCampaigns.map((campaign) => {
        const mine = posted === 'forms' && formsForm.values.campaignId === campaign.id
        const chosen = (channel: (typeof FORM_CHANNELS)[number]) =>
          mine ? formsForm.values[channel] : campaign.shortFormChannels.includes(channel) ? 'short' : 'full'
        return (
          <IntentForm key={campaign.id} intent="forms" hidden={{ campaignId: campaign.id }} className="campaign-forms">
            <fieldset>
              <legend>{campaignName(campaign, english)}</legend>
              {mine && formsForm.error('phone') ? (
                <p className="field-error" role="alert">
                  {formsForm.error('phone')}
                </p>
              ) : null}
              {FORM_CHANNELS.map((channel) => (
                <SelectField
                  key={channel}
                  name={channel}
                  label={t(`campaigns.forms.channels.${channel}`)}
                  value={chosen(channel)}
                  options={[
                    { value: 'full', label: t('campaigns.forms.full') },
                    { value: 'short', label: t('campaigns.forms.short') },
                  ]}
                />
              ))}
              <button type="submit">{t('campaigns.forms.save')}</button>
            </fieldset>
          </IntentForm>
        )
      })}

      <CreateForm title={t('campaigns.createTitle')} submit={t('campaigns.create')} intent="create">
        <InputField {...field('name')} label={t('campaigns.nameVi')} required lang="vi" />
        <InputField {...field('nameEn')} label={t('campaigns.nameEn')} required lang="en" />
        <InputField {...field('startsOn')} label={t('campaigns.startsOn')} type="date" required />
        <InputField {...field('endsOn')} label={t('campaigns.endsOn')} type="date" required />
        <ProvinceField {...field('provinceId')} label={t('campaigns.scope')} empty={t('campaigns.national')} provinces={provinces} />
        <SelectField
          {...field('versionId')}
          label={t('campaigns.version')}
          required
          options={versions.map((version) => ({
            value: version.id,
            label: (english ? version.questionnaire.titleEn : version.questionnaire.title) + ` — v${version.version}`,
          }))}
        />
        <Field name="servicePointCodes" label={t('campaigns.servicePointCodes')} error={error('servicePointCodes')}>
          {(props) => <textarea {...props} rows={4} defaultValue={values.servicePointCodes} />}
        </Field>
        <p>
          <label className="checkbox">
            <input type="checkbox" name="allServicePoints" defaultChecked={values.allServicePoints === 'on'} />{' '}
            {t('campaigns.allServicePoints')}
          </label>
        </p>
      </CreateForm>
    </AdminPage>
  )
}

function campaignName(campaign: { name: string; nameEn: string } | undefined, english: boolean): string {
  return campaign ? (english ? campaign.nameEn : campaign.name) : ''
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
