import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { formatDate } from '~/i18n/format'

/** A freshly issued API token: the one time it is shown. */
export function IssuedTokenNotice({ issued, locale }: { issued: { name: string; token: string; expiresOn: string }; locale: Language }) {
  const { t } = useTranslation('api')
  return (
    <section className="notice issued-code" role="status" aria-labelledby="issued-token-title">
      <h2 id="issued-token-title">{t('tokens.issuedTitle', { name: issued.name })}</h2>
      <p>
        <code className="api-token">{issued.token}</code>
      </p>
      <p>{t('tokens.issuedHelp', { expiresOn: formatDate(issued.expiresOn, locale) })}</p>
    </section>
  )
}
