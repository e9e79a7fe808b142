import type { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { formatDate, formatDateTime, formatNumber } from '~/i18n/format'
import { numericColumn } from '~/ui/data-table'
import { IntentForm } from '~/ui/intent-form'
import { ListTable } from '~/ui/list-table'
import type { loader } from './route'

type Token = ReturnType<typeof useLoaderData<typeof loader>>['tokens'][number]

/** Every issued token: whom it is for, what it reads, until when, how much it is used. */
export function TokenList({ tokens, locale, now }: { tokens: readonly Token[]; locale: Language; now: Date }) {
  const { t } = useTranslation('api')
  const status = (token: Token) => {
    if (token.revokedAt) return t('tokens.revokedOn', { at: formatDateTime(token.revokedAt, locale) })
    return new Date(token.expiresAt) <= now ? t('tokens.expired') : t('tokens.active')
  }

  return (
    <ListTable
      caption={t('tokens.listTitle')}
      columns={[
        t('tokens.name'),
        t('tokens.prefix'),
        t('tokens.scope'),
        t('tokens.created'),
        t('tokens.expires'),
        t('tokens.lastUsed'),
        numericColumn(t('tokens.uses')),
        t('tokens.status'),
        t('tokens.actions'),
      ]}
      items={tokens}
      empty={t('tokens.none')}
      cells={(token) => [
          token.name,
          <code key="prefix">{token.prefix}…</code>,
          token.provinceId ? token.provinceName ?? token.provinceId : t('tokens.national'),
          formatDate(token.createdAt, locale),
          formatDateTime(token.expiresAt, locale),
          token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('tokens.never'),
          formatNumber(token.useCount, locale),
          status(token),
          token.revokedAt ? null : (
            <IntentForm key="revoke" intent="revoke" hidden={{ tokenId: token.id }}>
              <button type="submit" aria-label={t('tokens.revokeLabel', { name: token.name })}>
                {t('tokens.revoke')}
              </button>
            </IntentForm>
          ),
      ]}
    />
  )
}
