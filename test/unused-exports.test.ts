import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { expect, test } from 'vitest'

/*
 * Every value exported from app/ is imported somewhere (app, tests, scripts, benches, the
 * server): an export nobody uses is dead code, or a helper that should not be exported. Types
 * are left out: exporting the shape of a function's result costs nothing and documents it.
 * Remix reads a route module's exports by name, so those names are allowed in routes, and
 * entry.server/entry.client are read by the server and the browser build.
 *
 * A text scan, not the TypeScript compiler: parsing the ~430 files takes seconds, these
 * patterns a tenth of one. They rely on the code's layout (top-level `export` at the start of a
 * line); a declaration they miss goes unchecked, it does not fail the test.
 */
const ROOT = resolve(import.meta.dirname, '..')
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'build', 'generated', 'data', 'test-results', 'playwright-report'])
const SOURCE = /\.(ts|tsx|mjs|js)$/
const ROUTE_EXPORTS = new Set([
  'loader',
  'action',
  'default',
  'meta',
  'links',
  'handle',
  'headers',
  'ErrorBoundary',
  'shouldRevalidate',
  'HydrateFallback',
  'Layout',
  'clientLoader',
  'clientAction',
])
const ENTRY_FILES = new Set(['app/entry.server.tsx', 'app/entry.client.tsx'])

// import x from '…' · import { a, b as c } from '…' · import x, { a } from '…' · import * as ns from '…'
const IMPORT =
  /^import\s+(?:type\s+)?((?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*\s+as\s+[\w$]+)|[\w$]+)\s+from\s+['"]([^'"]+)['"]/gm
// export { a, b as c } from '…' · export * from '…' · export * as ns from '…'
const RE_EXPORT = /^export\s+(?:type\s+)?(\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?)\s+from\s+['"]([^'"]+)['"]/gm
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g
const VALUE_DECLARATION = /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|abstract\s+class|enum)\s+([\w$]+)/gm
const DEFAULT_EXPORT = /^export\s+default\b/gm
const LOCAL_EXPORT_LIST = /^export\s+(\{[^}]*\})(?!\s*from\b)/gm

function sourceFiles(directory: string, found: string[] = []): string[] {
  for (const name of readdirSync(directory)) {
    if (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name)) continue
    const path = join(directory, name)
    if (statSync(path).isDirectory()) sourceFiles(path, found)
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) found.push(path)
  }
  return found
}

/** The project file an import names (`~/…` or relative), or undefined for packages. */
function resolveImport(specifier: string, importer: string): string | undefined {
  let base: string
  if (specifier.startsWith('~/')) base = join(ROOT, 'app', specifier.slice(2))
  else if (specifier.startsWith('.')) base = resolve(dirname(importer), specifier)
  else return undefined
  const candidates = [base, ...['.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'].map((end) => base + end)]
  return candidates.find((path) => existsSync(path) && statSync(path).isFile())
}

/** The names a clause brings in or passes on: `{ a, type T, b as c }` → a, T, b; `x` → default. */
function importedNames(clause: string): string[] {
  const names: string[] = []
  const braces = /\{([^}]*)\}/.exec(clause)
  const outside = clause.replace(/\{[^}]*\}/, '')
  if (/\*/.test(outside)) names.push('*')
  else if (/^[\w$]+/.test(outside.trim())) names.push('default')
  for (const part of braces?.[1]?.split(',') ?? []) {
    const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]
    if (name) names.push(name)
  }
  return names
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length

function scan(files: string[]) {
  const used = new Map<string, Set<string>>()
  const exported = new Map<string, { name: string; line: number }[]>()
  const markUsed = (file: string | undefined, names: string[]) => {
    if (!file) return
    const set = used.get(file) ?? new Set()
    for (const name of names) set.add(name)
    used.set(file, set)
  }
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const [, clause = '', specifier = ''] of text.matchAll(IMPORT)) markUsed(resolveImport(specifier, file), importedNames(clause))
    for (const [, clause = '', specifier = ''] of text.matchAll(RE_EXPORT)) markUsed(resolveImport(specifier, file), importedNames(clause))
    for (const [, specifier = ''] of text.matchAll(DYNAMIC_IMPORT)) markUsed(resolveImport(specifier, file), ['*'])
    const values: { name: string; line: number }[] = []
    for (const match of text.matchAll(VALUE_DECLARATION)) values.push({ name: match[1]!, line: lineOf(text, match.index) })
    for (const match of text.matchAll(DEFAULT_EXPORT)) values.push({ name: 'default', line: lineOf(text, match.index) })
    for (const match of text.matchAll(LOCAL_EXPORT_LIST)) {
      for (const part of match[1]!.slice(1, -1).split(',')) {
        const [local = '', alias = local] = part.trim().split(/\s+as\s+/)
        const isType = local.startsWith('type ') || new RegExp(`^(?:export\\s+)?(?:type|interface)\\s+${local}\\b`, 'm').test(text)
        if (local && !isType) values.push({ name: alias, line: lineOf(text, match.index) })
      }
    }
    exported.set(file, values)
  }
  return { used, exported }
}

test('every value exported from app/ is imported somewhere', () => {
  const { used, exported } = scan(sourceFiles(ROOT))
  const unused: string[] = []
  for (const [file, values] of exported) {
    const path = relative(ROOT, file).split('\\').join('/')
    if (!path.startsWith('app/') || /\.test\.tsx?$/.test(path) || ENTRY_FILES.has(path)) continue
    const isRoute = /^app\/routes\/([^/]+|[^/]+\/route\.tsx?)$/.test(path) || path === 'app/root.tsx'
    const importedByOthers = used.get(file) ?? new Set()
    if (importedByOthers.has('*')) continue
    for (const { name, line } of values) {
      if (isRoute && ROUTE_EXPORTS.has(name)) continue
      if (!importedByOthers.has(name)) unused.push(`${path}:${line} ${name}`)
    }
  }
  expect(unused).toEqual([])
})
