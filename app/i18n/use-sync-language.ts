import { useTranslation } from 'react-i18next'
import type { Resources } from './config'

/**
 * After a client-side navigation to another language, the root loader brings that language's
 * texts; add them and switch before rendering so the page never shows the old language.
 */
export function useSyncLanguage(locale: string, resources: Resources) {
  const { i18n } = useTranslation()
  if (i18n.language === locale) return
  for (const [ns, bundle] of Object.entries(resources)) {
    if (!i18n.hasResourceBundle(locale, ns)) i18n.addResourceBundle(locale, ns, bundle)
  }
  void i18n.changeLanguage(locale)
}
