import { useTranslation } from 'react-i18next'

/**
 * After a client-side navigation that changes the language (the root loader says so), switch
 * before rendering so the page never mixes languages. The new language's bundles may still be
 * loading: the hook suspends until they are in, and since Remix navigations are transitions,
 * the previous page stays on screen meanwhile.
 */
export function useSyncLanguage(locale: string) {
  const { i18n } = useTranslation()
  if (i18n.language === locale) return
  const changing = i18n.changeLanguage(locale)
  if (i18n.language !== locale) throw changing
}
