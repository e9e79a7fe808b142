import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'

/*
 * The rankings and dashboard namespaces against the code that uses them: every key the code
 * translates or returns exists, and every key in the files is used (a key built from a template,
 * `indices.${index}`, counts as using everything under its prefix).
 */
const root = process.cwd()
const NAMESPACES = ['rankings', 'dashboard']

function flatKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => flatKeys(inner, prefix ? `${prefix}.${key}` : key))
}

const listDir = (dir: string, match: RegExp) =>
  readdirSync(join(root, dir))
    .filter((file) => match.test(file) && !file.includes('.test.'))
    .map((file) => join(dir, file))

// Pages beside the dashboard with a layout and namespace of their own (cases, notes) are not its.
const ROUTES = /^(rankings|provinces|dashboard(?!\.\$agencyId_\.)|ministry|admin\.(snapshots|external-indices))\b/
// A route with private helpers is a folder (dashboard.$agencyId/route.tsx): its files count too.
const routeFolders = readdirSync(join(root, 'app/routes'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && ROUTES.test(entry.name))
  .flatMap((entry) => listDir(join('app/routes', entry.name), /\.tsx?$/))
const sources = [
  ...listDir('app/ranking', /\.tsx?$/),
  ...listDir('app/dashboard', /\.tsx?$/),
  ...listDir('app/routes', new RegExp(`${ROUTES.source}.*\\.tsx?$`)),
  ...routeFolders,
  // The problems every CSV import reports (header, field count, duplicates…) are the rankings
  // namespace's keys for the import of other indices' scores.
  'app/forms/csv-records.ts',
].map((file) => readFileSync(join(root, file), 'utf8'))
const code = sources.join('\n')
const known = new Set(NAMESPACES.flatMap((ns) => flatKeys(JSON.parse(readFileSync(join(root, 'locales/en', `${ns}.json`), 'utf8')))))

test('every key the ranking and dashboard code translates or returns exists', () => {
  const translated = [...code.matchAll(/\btr?\(\s*'([a-zA-Z-]+(?:\.[a-zA-Z-]+)+)'/g)].map((match) => match[1]!)
  const returned = [...code.matchAll(/'((?:admin|import|comments)\.errors\.[a-zA-Z]+)'/g)].map((match) => match[1]!)
  const used = new Set([...translated, ...returned])
  expect(used.size).toBeGreaterThan(150)
  expect([...used].filter((key) => !known.has(key)).sort()).toEqual([])
})

test('every key in the rankings and dashboard files is used', () => {
  const literal = new Set([...code.matchAll(/['`]([a-zA-Z-]+(?:\.[a-zA-Z-]+)+)['`]/g)].map((match) => match[1]!))
  const prefixes = [...code.matchAll(/`([a-zA-Z-]+(?:\.[a-zA-Z-]+)*)\.\$\{/g)].map((match) => `${match[1]!}.`)
  const unused = [...known].filter((key) => !literal.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)))
  expect(unused.sort()).toEqual([])
})
