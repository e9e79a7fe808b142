import { useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES } from '~/i18n/config'

/** Links rather than a form: they work without JavaScript and keep the current page. */
export function LanguageSwitch({ locale }: { locale: string }) {
  const { t } = useTranslation()
  const location = useLocation()
  return (
    <nav aria-label={t('layout.languageNav')} className="language-switch">
      <ul>
        {LANGUAGES.map((lng) => {
          const params = new URLSearchParams(location.search)
          params.set('lng', lng)
          return (
            <li key={lng}>
              <a
                href={`${location.pathname}?${params.toString()}`}
                lang={lng}
                hrefLang={lng}
                aria-current={lng === locale ? 'true' : undefined}
              >
                {t(`layout.language.${lng}`)}
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
