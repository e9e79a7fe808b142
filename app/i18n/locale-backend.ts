import type { BackendModule, ReadCallback } from 'i18next'

// Each locales/<lng>/<ns>.json becomes its own small, fingerprinted chunk, loaded only when a
// client-side navigation or language change needs a namespace the page did not inline.
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json')

/** i18next backend for the browser: namespaces missing after navigation come from the build. */
export const localeBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(lng: string, ns: string, callback: ReadCallback) {
    const load = files[`../../locales/${lng}/${ns}.json`]
    if (!load) return callback(new Error(`No texts for ${lng}/${ns}`), false)
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    )
  },
}
