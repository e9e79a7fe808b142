import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { LANGUAGES } from '~/i18n/config'

// Every namespace, both languages: the same files, the same keys, no empty text. Then, per
// area, every key the code can return or translate exists.
const root = process.cwd()
const dir = join(root, 'locales')
const namespaces = (lng: string) => readdirSync(join(dir, lng)).filter((f) => f.endsWith('.json')).sort()

function flatEntries(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]]
  return Object.entries(value).flatMap(([key, inner]) => flatEntries(inner, prefix ? `${prefix}.${key}` : key))
}
const read = (lng: string, file: string) => flatEntries(JSON.parse(readFileSync(join(dir, lng, file), 'utf8')))
const keysOf = (lng: string, ns: string) => read(lng, `${ns}.json`).map(([key]) => key)
const text = (file: string) => readFileSync(join(root, file), 'utf8')
const missing = (used: Set<string>, known: Set<string>) => [...used].filter((key) => !known.has(key)).sort()

describe('locale parity', () => {
  test('every namespace exists in every language', () => {
    for (const lng of LANGUAGES) expect(namespaces(lng), lng).toEqual(namespaces('vi'))
  })

  test.each(namespaces('vi'))('%s has the same keys in Vietnamese and English', (file) => {
    const vi = read('vi', file).map(([key]) => key).sort()
    const en = read('en', file).map(([key]) => key).sort()
    expect({ missingInEnglish: vi.filter((k) => !en.includes(k)), missingInVietnamese: en.filter((k) => !vi.includes(k)) }).toEqual({
      missingInEnglish: [],
      missingInVietnamese: [],
    })
  })

  test.each(namespaces('vi'))('%s has no empty text', (file) => {
    for (const lng of LANGUAGES) expect(read(lng, file).filter(([, value]) => value === '').map(([key]) => key), lng).toEqual([])
  })
})

describe('auth and admin keys used by the code', () => {
  test('every error key returned by forms and server code exists', () => {
    const sources = [
      ...readdirSync(join(root, 'app/auth')).map((file) => join('app/auth', file)),
      'app/units/admin-forms.ts',
      'app/units/unit-admin.server.ts',
    ].filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'))
    const used = new Set(sources.flatMap((file) => [...text(file).matchAll(/'([a-zA-Z]+\.errors\.[a-zA-Z]+)'/g)].map((m) => m[1]!)))
    const known = new Set([...keysOf('en', 'auth'), ...keysOf('en', 'admin')])
    expect(used.size).toBeGreaterThan(20)
    expect(missing(used, known)).toEqual([])
  })
})

describe('questionnaire keys used by the code', () => {
  const source = (file: string) => text(join('app/questionnaire', file))
  const known = () => new Set(keysOf('en', 'questionnaire'))

  test('every problem and error key the code can return exists', () => {
    const publishCodes = [...source('publish-rules.ts').matchAll(/problem\('([a-zA-Z]+)'/g)].map((m) => `publish.${m[1]}`)
    const ternaryCodes = [...source('publish-rules.ts').matchAll(/'(missing[A-Za-z]+)'/g)].map((m) => `publish.${m[1]}`)
    const literalKeys = ['definition.ts', 'publish-rules.ts', 'versions.server.ts', 'campaigns.server.ts'].flatMap((file) =>
      [...source(file).matchAll(/'((?:errors|publish|campaigns\.errors)\.[a-zA-Z]+)'/g)].map((m) => m[1]!),
    )
    const used = new Set([...publishCodes, ...ternaryCodes, ...literalKeys])
    expect(used.size).toBeGreaterThan(25)
    expect(missing(used, known())).toEqual([])
  })

  test('every literal key the questionnaire pages translate exists', () => {
    const pages = [
      ...readdirSync(join(root, 'app/questionnaire/editor')).map((file) => join('app/questionnaire/editor', file)),
      ...readdirSync(join(root, 'app/routes'))
        .filter((file) => /^admin\.(questionnaires|campaigns|distribution)/.test(file) && !file.endsWith('.plan.tsx'))
        .map((file) => join('app/routes', file)),
    ].filter((file) => file.endsWith('.tsx'))
    const used = new Set(pages.flatMap((file) => [...text(file).matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)].map((m) => m[1]!)))
    expect(used.size).toBeGreaterThan(100)
    expect(missing(used, known())).toEqual([])
  })
})

describe('sampling keys used by the code', () => {
  test('every problem and error key the sampling modules return, and every literal key their pages translate, exists', () => {
    const modules = readdirSync(join(root, 'app/sampling'))
      .filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'))
      .map((file) => join('app/sampling', file))
    const returned = modules.flatMap((file) => [...text(file).matchAll(/'((?:import|plan)\.errors\.[a-zA-Z]+)'/g)].map((m) => m[1]!))
    // The field names of parsePlanInput's problems become `import.errors.<field>` and `plan.errors.<field>`.
    const fields = ['populationN', 'marginOfError', 'confidence'].flatMap((field) => [`import.errors.${field}`, `plan.errors.${field}`])
    const pages = ['admin.campaigns.$campaignId.plan.tsx', 'campaigns.$campaignId.progress.tsx'].map((file) => join('app/routes', file))
    const translated = pages.flatMap((file) => [...text(file).matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)].map((m) => m[1]!))
    const used = new Set([...returned, ...fields, ...translated])
    expect(used.size).toBeGreaterThan(60)
    expect(missing(used, new Set(keysOf('en', 'sampling')))).toEqual([])
  })
})
