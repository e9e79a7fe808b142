import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { loadAdminPage, requireCapabilityForm } from '~/auth/permissions.server'
import { canAdministerNationally, canManageTicketIssuers } from '~/auth/policy'
import { formFields } from '~/forms/form-fields'
import { parseForm, rejectField } from '~/forms/reject-form.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { DOCS_PATH } from '~/read-api/paths'
import { NewTicketIssuerSchema, RevokeTicketIssuerSchema, TicketSettingsFormSchema } from '~/tickets/issuer-form'
import { createTicketIssuer, listTicketIssuers, revokeTicketIssuer } from '~/tickets/issuers.server'
import { MAX_TICKETS_PER_CALL } from '~/tickets/mint-request'
import { MAX_EXPIRY_DAYS, MIN_EXPIRY_DAYS } from '~/tickets/settings'
import { getTicketSettings, setTicketSettings } from '~/tickets/settings.server'
import { listChoosableProvinces } from '~/units/unit-admin.server'
import { AdminPage } from '~/ui/admin-page'
import { InputField } from '~/ui/input-field'
import { IntentForm } from '~/ui/intent-form'
import { pageTitle } from '~/ui/page-title'
import { SelectField } from '~/ui/select-field'
import { IssuedIssuerNotice } from './issued-issuer'
import { IssuerList } from './issuer-list'

/*
 * /admin/ticket-issuers — service tokens of the centres' dossier-management systems, which mint
 * rating tickets through POST /api/v1/tickets (docs/decisions/025-rating-tickets.md): issue one
 * for a province or one agency in it, shown once; list them with their use; revoke. A province
 * administrator sees and issues only their province's; the Ministry administrator any, and sets
 * how many days a ticket stays valid.
 */

export const handle = { i18n: ['admin', 'api'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

// A token shown once must not linger in a cache.
const NO_STORE = { 'Cache-Control': 'no-store' }
export const headers = () => NO_STORE

export async function loader({ request }: LoaderFunctionArgs) {
  return loadAdminPage(request, { capability: canManageTicketIssuers, namespace: 'api', titleKey: 'issuers.metaTitle' }, (user) => ({
    issuers: listTicketIssuers(user),
    provinces: listChoosableProvinces(user),
    choosesProvince: canAdministerNationally(user),
    settings: getTicketSettings(),
  }))
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canManageTicketIssuers)

  if (formData.get('intent') === 'revoke') {
    const { data: revoke, rejection } = parseForm(RevokeTicketIssuerSchema, formData, { intent: 'revoke' })
    if (rejection) return rejection
    if (!(await revokeTicketIssuer(actor, revoke.issuerId))) return rejectField({ field: 'issuerId', key: 'issuers.errors.issuer' }, formData)
    return { revoked: true }
  }

  if (formData.get('intent') === 'settings') {
    if (!canAdministerNationally(actor)) throw new Response(null, { status: 403 })
    const { data: settings, rejection } = parseForm(TicketSettingsFormSchema, formData, { intent: 'settings' })
    if (rejection) return rejection
    await setTicketSettings(settings, actor.id)
    return { saved: true }
  }

  const { data: form, rejection } = parseForm(NewTicketIssuerSchema, formData, { intent: 'create' })
  if (rejection) return rejection
  const created = await createTicketIssuer(actor, form)
  if ('error' in created) return rejectField(created.error, formData)
  return data({ issued: { name: form.name, token: created.issued.token } }, { headers: NO_STORE })
}

export default function TicketIssuersPage() {
  const { issuers, provinces, choosesProvince, settings, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('api')
  const posted = actionData && 'intent' in actionData ? actionData.intent : null
  const create = formFields(posted === 'create' ? actionData : null, t)
  const revokeError = posted === 'revoke' ? formFields(actionData, t).error('issuerId') : undefined
  const settingsForm = formFields(posted === 'settings' ? actionData : null, t, { params: { min: MIN_EXPIRY_DAYS, max: MAX_EXPIRY_DAYS } })
  const notice = actionData && 'revoked' in actionData ? t('issuers.revokedNotice') : actionData && 'saved' in actionData ? t('issuers.settingsSaved') : revokeError

  return (
    <AdminPage title={t('issuers.title')} notice={notice}>
      <p>{t('issuers.intro', { docsPath: DOCS_PATH, max: MAX_TICKETS_PER_CALL })}</p>
      {actionData && 'issued' in actionData ? <IssuedIssuerNotice issued={actionData.issued} /> : null}

      <h2>{t('issuers.listTitle')}</h2>
      <IssuerList issuers={issuers} locale={locale} />

      <h2>{t('issuers.createTitle')}</h2>
      <IntentForm intent="create">
        <InputField {...create.field('name')} label={t('issuers.name')} hint={t('issuers.nameHint')} required maxLength={100} />
        {choosesProvince ? (
          <SelectField
            {...create.field('provinceId')}
            label={t('issuers.province')}
            prompt={t('issuers.provincePrompt')}
            required
            options={provinces.map((province) => ({ value: province.id, label: province.name }))}
          />
        ) : null}
        <InputField
          {...create.field('agencyCode')}
          label={t('issuers.agencyCode')}
          hint={t('issuers.agencyCodeHint')}
          autoCapitalize="characters"
          maxLength={32}
        />
        <button type="submit">{t('issuers.create')}</button>
      </IntentForm>

      {choosesProvince ? (
        <>
          <h2>{t('issuers.settingsTitle')}</h2>
          <IntentForm intent="settings">
            <InputField
              {...settingsForm.field('expiryDays')}
              value={settingsForm.values.expiryDays ?? String(settings.expiryDays)}
              label={t('issuers.expiryDays')}
              hint={t('issuers.expiryDaysHint', { min: MIN_EXPIRY_DAYS, max: MAX_EXPIRY_DAYS })}
              type="number"
              inputMode="numeric"
              min={MIN_EXPIRY_DAYS}
              max={MAX_EXPIRY_DAYS}
              required
            />
            <button type="submit">{t('issuers.saveSettings')}</button>
          </IntentForm>
        </>
      ) : (
        <p>{t('issuers.expiryNote', { days: settings.expiryDays })}</p>
      )}
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
