import type { Language, Resources } from './config'

// Every locales/<lng>/<namespace>.json, so a new namespace needs no registration.
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', {
  eager: true,
  import: 'default',
})

export const resources: Record<string, Resources> = {}
for (const [path, content] of Object.entries(files)) {
  const match = /locales\/([a-z]+)\/([a-z-]+)\.json$/.exec(path)
  if (!match) continue
  const [, lng, ns] = match as unknown as [string, string, string]
  ;(resources[lng] ??= {})[ns] = content
}

export function resourcesFor(lng: Language): Resources {
  return resources[lng] ?? {}
}
