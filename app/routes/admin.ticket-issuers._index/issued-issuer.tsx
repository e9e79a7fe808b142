import { useTranslation } from 'react-i18next'

/** A freshly issued service token: the one time it is shown. */
export function IssuedIssuerNotice({ issued }: { issued: { name: string; token: string } }) {
  const { t } = useTranslation('api')
  return (
    <section className="notice issued-code" role="status" aria-labelledby="issued-issuer-title">
      <h2 id="issued-issuer-title">{t('issuers.issuedTitle', { name: issued.name })}</h2>
      <p>
        <code className="api-token">{issued.token}</code>
      </p>
      <p>{t('issuers.issuedHelp')}</p>
    </section>
  )
}
