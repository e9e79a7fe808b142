import type { Manifest } from 'vite'

/*
 * Which files of a client build make up the kiosk's app shell, for its service worker's
 * precache (app/kiosk-app/service-worker.ts): the browser entry, the root and kiosk routes with
 * every chunk they import statically and the assets (stylesheets) those chunks link, and the
 * kiosk's translations in every language. Admin pages and the rest of the app are left out.
 */

export type ShellSources = {
  /** Source files whose chunks the kiosk page loads, relative to the project root. */
  entries: readonly string[]
  languages: readonly string[]
  namespaces: readonly string[]
}

/** The shell's files, as paths inside the client build directory, sorted. */
export function kioskShellFiles(manifest: Manifest, { entries, languages, namespaces }: ShellSources): string[] {
  const files = new Set<string>()
  const seen = new Set<string>()
  // Route modules are keyed with a query the Remix plugin adds (`app/root.tsx?__remix-build-client-route`).
  const keyOf = (source: string) => (source in manifest ? source : Object.keys(manifest).find((key) => key.startsWith(`${source}?`)))
  const visit = (source: string) => {
    const key = keyOf(source)
    if (!key) throw new Error(`The client build has no chunk for ${source}`)
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]!
    files.add(chunk.file)
    // `assets`: what the chunk links by URL, such as a route's stylesheet imported with `?url`.
    for (const file of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file)
    // Dynamic imports (other routes, other translations) are not part of the shell.
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  for (const entry of entries) visit(entry)
  for (const lng of languages) for (const ns of namespaces) visit(`locales/${lng}/${ns}.json`)
  return [...files].sort()
}
