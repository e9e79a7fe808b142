import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { i18nOptions, type Resources } from './i18n/config'

// The root loader sends the page language's texts, so the first client render equals the
// server's and no locale file is bundled or fetched.
const lng = document.documentElement.lang
const rootData = window.__remixContext.state.loaderData?.root as { resources?: Resources } | undefined

void i18next
  .use(initReactI18next)
  .init({ ...i18nOptions, lng, resources: { [lng]: rootData?.resources ?? {} } })
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
