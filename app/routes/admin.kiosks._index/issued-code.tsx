import { useTranslation } from 'react-i18next'
import { formatDateTime } from '~/i18n/format'
import type { Language } from '~/i18n/config'

/** A freshly issued enrolment code: shown once, with the QR code a kiosk's camera or a phone can open. */
export function IssuedCodeNotice({
  issued,
  kioskName,
}: {
  issued: { code: string; expiresAt: string; qrSvg: string }
  kioskName: string
}) {
  const { t, i18n } = useTranslation('admin')
  return (
    <section className="notice issued-code" role="status" aria-labelledby="issued-code-title">
      <h2 id="issued-code-title">{t('kiosks.codeTitle', { name: kioskName })}</h2>
      <p className="enrolment-code">{issued.code}</p>
      <p>{t('kiosks.codeHelp', { expiresAt: formatDateTime(issued.expiresAt, i18n.language as Language) })}</p>
      {/* The SVG is made on the server by the qrcode library from our own URL. */}
      <div className="enrolment-qr" role="img" aria-label={t('kiosks.codeQr')} dangerouslySetInnerHTML={{ __html: issued.qrSvg }} />
    </section>
  )
}
