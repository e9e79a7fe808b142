import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { i18nOptions } from './i18n/config'
import { readInlineResources } from './i18n/inline-resources'
import { localeBackend } from './i18n/locale-backend'

// The page carries its language's texts for the namespaces its routes declare, so the first
// client render equals the server's. Namespaces a later navigation needs load on demand.
const lng = document.documentElement.lang
const resources = readInlineResources(document)

void i18next
  .use(initReactI18next)
  .use(localeBackend)
  .init({
    ...i18nOptions,
    lng,
    resources: { [lng]: resources },
    ns: Object.keys(resources),
    partialBundledLanguages: true,
    // NOTE: no fallback language in the browser, or i18next would load every Vietnamese
    // namespace on English pages. Locale parity (test/locales.test.ts) means nothing falls back.
    fallbackLng: false,
  })
  .then(() => {
    startTransition(() => {
      hydrateRoot(
        document,
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>,
      )
    })
  })
