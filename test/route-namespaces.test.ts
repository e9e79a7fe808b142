import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'

/*
 * The browser receives only the i18n namespaces the matched routes declare in
 * `handle = { i18n: [...] }` (app/i18n/route-namespaces.ts). A namespace a screen uses but does
 * not declare still works, fetched after the page loads, but the first render then waits for it.
 * So: every namespace a route module's components use, following its imports, is declared by the
 * route or by the root.
 */

const root = process.cwd()
const read = (file: string) => readFileSync(join(root, file), 'utf8')

/** The namespaces in a route's `handle`: a literal list, or a constant defined there or in a module it imports. */
function declared(file: string): string[] {
  const source = read(file)
  const literal = /export const handle = \{[^}]*i18n: \[([^\]]*)\]/.exec(source)
  if (literal) return names(literal[1]!)
  const constant = /export const handle = \{[^}]*i18n: ([A-Z_]+)/.exec(source)?.[1]
  if (!constant) return []
  for (const candidate of [file, ...imports(source)]) {
    const definition = new RegExp(`const ${constant}\\b[^=]*= \\[([^\\]]*)\\]`).exec(read(candidate))
    if (definition) return names(definition[1]!)
  }
  return []
}

const names = (list: string) => [...list.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!)

/**
 * The app modules (not *.server) a source imports, as file paths: `~/…` imports, and `./…` ones
 * (a route folder's private helpers) when the importing file is given.
 */
function imports(source: string, file?: string): string[] {
  const specifiers = [
    ...[...source.matchAll(/from '~\/([^']+)'/g)].map((m) => `app/${m[1]}`),
    ...(file ? [...source.matchAll(/from '(\.\/[^']+)'/g)].map((m) => join(dirname(file), m[1]!)) : []),
  ]
  return specifiers.flatMap((specifier) => {
    if (specifier.endsWith('.server') || specifier.startsWith('app/generated/')) return []
    const module = ['.tsx', '.ts'].map((ext) => `${specifier}${ext}`).find((candidate) => existsSync(join(root, candidate)))
    return module ? [module] : []
  })
}

/** Namespaces the browser-side code reachable from `file` translates with. */
function used(file: string, seen = new Set<string>()): Set<string> {
  const namespaces = new Set<string>()
  if (seen.has(file)) return namespaces
  seen.add(file)
  const source = read(file)
  const patterns = [/useTranslation\(\s*'([a-z-]+)'/g, /\{\s*ns:\s*'([a-z-]+)'/g, /[`']([a-z-]+):[a-zA-Z_]+\./g]
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) namespaces.add(m[1]!)
  for (const module of imports(source, file)) for (const ns of used(module, seen)) namespaces.add(ns)
  return namespaces
}

function routeModules(): string[] {
  const dir = join(root, 'app/routes')
  return readdirSync(dir).flatMap((name) => {
    if (name.includes('.test.')) return []
    if (!statSync(join(dir, name)).isDirectory()) return /\.tsx$/.test(name) ? [`app/routes/${name}`] : []
    return existsSync(join(dir, name, 'route.tsx')) ? [`app/routes/${name}/route.tsx`] : []
  })
}

const namespaces = new Set(readdirSync(join(root, 'locales/vi')).map((file) => file.replace(/\.json$/, '')))

describe('route i18n namespaces', () => {
  const fromRoot = new Set(['common', ...declared('app/root.tsx')])

  test('the root declares what the layout itself translates with', () => {
    expect([...used('app/root.tsx')].filter((ns) => namespaces.has(ns) && !fromRoot.has(ns))).toEqual([])
  })

  test.each(routeModules())('%s declares every namespace its screen uses', (file) => {
    const own = new Set(declared(file))
    const missing = [...used(file)].filter((ns) => namespaces.has(ns) && !own.has(ns) && !fromRoot.has(ns)).sort()
    expect(missing).toEqual([])
  })
})
