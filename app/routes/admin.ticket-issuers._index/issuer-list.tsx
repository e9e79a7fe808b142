import type { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { formatDate, formatDateTime, formatNumber } from '~/i18n/format'
import { numericColumn } from '~/ui/data-table'
import { IntentForm } from '~/ui/intent-form'
import { ListTable } from '~/ui/list-table'
import type { loader } from './route'

type Issuer = ReturnType<typeof useLoaderData<typeof loader>>['issuers'][number]

/** Every service token the administrator sees: whose, for which service points, how much used. */
export function IssuerList({ issuers, locale }: { issuers: readonly Issuer[]; locale: Language }) {
  const { t } = useTranslation('api')
  return (
    <ListTable
      caption={t('issuers.listTitle')}
      columns={[
        t('issuers.name'),
        t('issuers.prefix'),
        t('issuers.scope'),
        t('issuers.created'),
        t('issuers.lastUsed'),
        numericColumn(t('issuers.uses')),
        t('issuers.status'),
        t('issuers.actions'),
      ]}
      items={issuers}
      empty={t('issuers.none')}
      cells={(issuer) => [
        issuer.name,
        <code key="prefix">{issuer.prefix}…</code>,
        issuer.agencyCode ? t('issuers.agencyScope', { province: issuer.provinceName, agency: issuer.agencyCode }) : issuer.provinceName,
        formatDate(issuer.createdAt, locale),
        issuer.lastUsedAt ? formatDateTime(issuer.lastUsedAt, locale) : t('issuers.never'),
        formatNumber(issuer.useCount, locale),
        issuer.revokedAt ? t('issuers.revokedOn', { at: formatDateTime(issuer.revokedAt, locale) }) : t('issuers.active'),
        issuer.revokedAt ? null : (
          <IntentForm key="revoke" intent="revoke" hidden={{ issuerId: issuer.id }}>
            <button type="submit" aria-label={t('issuers.revokeLabel', { name: issuer.name })}>
              {t('issuers.revoke')}
            </button>
          </IntentForm>
        ),
      ]}
    />
  )
}
