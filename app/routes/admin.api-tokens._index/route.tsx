import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { loadAdminPage, requireCapabilityForm } from '~/auth/permissions.server'
import { canManageApiTokens } from '~/auth/policy'
import { formFields } from '~/forms/form-fields'
import { parseForm, rejectField } from '~/forms/reject-form.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { listCurrentProvinces } from '~/ranking/peer-units.server'
import { DOCS_PATH } from '~/read-api/paths'
import { NATIONAL_SCOPE, RevokeApiTokenSchema, endOfVietnamDay, newApiTokenSchema } from '~/read-api/token-form'
import { createApiToken, listApiTokens, revokeApiToken } from '~/read-api/tokens.server'
import { AdminPage } from '~/ui/admin-page'
import { InputField } from '~/ui/input-field'
import { IntentForm } from '~/ui/intent-form'
import { pageTitle } from '~/ui/page-title'
import { SelectField } from '~/ui/select-field'
import { IssuedTokenNotice } from './issued-token'
import { TokenList } from './token-list'

/*
 * /admin/api-tokens — tokens of the read API for other systems (docs/decisions/021-read-api.md):
 * issue one for the country or a province, shown once; list them with their use; revoke.
 */

export const handle = { i18n: ['admin', 'api'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

// A token shown once must not linger in a cache.
const NO_STORE = { 'Cache-Control': 'no-store' }
export const headers = () => NO_STORE

export async function loader({ request }: LoaderFunctionArgs) {
  return loadAdminPage(request, { capability: canManageApiTokens, namespace: 'api', titleKey: 'tokens.metaTitle' }, () => ({
    tokens: listApiTokens(),
    provinces: listCurrentProvinces(),
    now: new Date().toISOString(),
  }))
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canManageApiTokens)

  if (formData.get('intent') === 'revoke') {
    const { data: revoke, rejection } = parseForm(RevokeApiTokenSchema, formData, { intent: 'revoke' })
    if (rejection) return rejection
    if (!(await revokeApiToken(revoke.tokenId, actor.id))) return rejectField({ field: 'tokenId', key: 'tokens.errors.token' }, formData)
    return { revoked: true }
  }

  const { data: form, rejection } = parseForm(newApiTokenSchema(new Date()), formData, { intent: 'create' })
  if (rejection) return rejection
  const provinces = await listCurrentProvinces()
  if (form.scope !== NATIONAL_SCOPE && !provinces.some((province) => province.id === form.scope)) {
    return rejectField({ field: 'scope', key: 'tokens.errors.scope' }, formData)
  }
  const issued = await createApiToken(
    { name: form.name, provinceId: form.scope === NATIONAL_SCOPE ? null : form.scope, expiresAt: endOfVietnamDay(form.expiresOn) },
    actor.id,
  )
  return data({ issued: { name: form.name, token: issued.token, expiresOn: form.expiresOn } }, { headers: NO_STORE })
}

export default function ApiTokensPage() {
  const { tokens, provinces, locale, now } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('api')
  const posted = actionData && 'intent' in actionData ? actionData.intent : null
  const create = formFields(posted === 'create' ? actionData : null, t)
  const revokeError = posted === 'revoke' ? formFields(actionData, t).error('tokenId') : undefined

  return (
    <AdminPage title={t('tokens.title')} notice={actionData && 'revoked' in actionData ? t('tokens.revokedNotice') : revokeError}>
      <p>{t('tokens.intro', { docsPath: DOCS_PATH })}</p>
      {actionData && 'issued' in actionData ? <IssuedTokenNotice issued={actionData.issued} locale={locale} /> : null}

      <h2>{t('tokens.listTitle')}</h2>
      <TokenList tokens={tokens} locale={locale} now={new Date(now)} />

      <h2>{t('tokens.createTitle')}</h2>
      <IntentForm intent="create">
        <InputField {...create.field('name')} label={t('tokens.name')} hint={t('tokens.nameHint')} required maxLength={100} />
        <SelectField
          {...create.field('scope')}
          label={t('tokens.scope')}
          value={create.values.scope ?? NATIONAL_SCOPE}
          options={[
            { value: NATIONAL_SCOPE, label: t('tokens.national') },
            ...provinces.map((province) => ({ value: province.id, label: province.name })),
          ]}
        />
        <InputField {...create.field('expiresOn')} label={t('tokens.expiresOn')} hint={t('tokens.expiresOnHint')} type="date" required />
        <button type="submit">{t('tokens.create')}</button>
      </IntentForm>
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
