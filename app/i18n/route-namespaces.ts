import { useMatches } from '@remix-run/react'

/**
 * A route module declares the i18n namespaces its screen uses beyond `common`:
 * `export const handle = { i18n: ['survey'] } satisfies I18nHandle`. Only those reach the browser.
 * A screen whose language switch must carry unsaved input (the survey) renders its own and says
 * `languageSwitch: 'in-page'`: the header's plain links would drop what was typed.
 */
export type I18nHandle = {
  i18n?: readonly string[]
  languageSwitch?: 'in-page'
  /**
   * `false`: the page ships no JavaScript at all
   * (docs/decisions/011-public-pages-without-javascript.md).
   * Its forms post to the route's action and it must be complete as server-rendered HTML.
   */
  hydrate?: false
  /**
   * `'bare'`: the route owns the whole screen (the kiosk): no site header, footer or skip link,
   * and the route renders its own `<main>`. A kiosk must offer no way out of its flow.
   */
  layout?: 'bare'
}

/** Whether any matched route opted out of JavaScript. */
export function useHydrate(): boolean {
  return useMatches().every((match) => (match.handle as I18nHandle | undefined)?.hydrate !== false)
}

/** `common` plus the namespaces every matched route declares, in route order. */
export function useRouteNamespaces(): string[] {
  const namespaces = new Set(['common'])
  for (const match of useMatches()) {
    for (const ns of (match.handle as I18nHandle | undefined)?.i18n ?? []) namespaces.add(ns)
  }
  return [...namespaces]
}
