import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

// The namespaces this area owns: same keys in both languages, and every error key the
// schemas and server code can return exists.
const NAMESPACES = ['auth', 'admin', 'privacy'] as const
const root = process.cwd()

function flatKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => flatKeys(inner, prefix ? `${prefix}.${key}` : key))
}

const read = (lng: string, ns: string) => JSON.parse(readFileSync(join(root, 'locales', lng, `${ns}.json`), 'utf8')) as unknown

describe('auth, admin and privacy texts', () => {
  test.each(NAMESPACES)('%s has the same keys in Vietnamese and English', (ns) => {
    expect(flatKeys(read('vi', ns)).sort()).toEqual(flatKeys(read('en', ns)).sort())
  })

  test('every error key returned by forms and server code exists', () => {
    const sources = [
      ...readdirSync(join(root, 'app/auth')).map((file) => join('app/auth', file)),
      join('app/units/admin-forms.ts'),
      join('app/units/unit-admin.server.ts'),
    ].filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'))
    const used = new Set(
      sources.flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/'([a-zA-Z]+\.errors\.[a-zA-Z]+)'/g)].map((m) => m[1]!)),
    )
    const known = new Set([...flatKeys(read('en', 'auth')), ...flatKeys(read('en', 'admin'))])
    expect(used.size).toBeGreaterThan(20)
    expect([...used].filter((key) => !known.has(key))).toEqual([])
  })
})
