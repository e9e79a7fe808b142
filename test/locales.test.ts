import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { LANGUAGES } from '~/i18n/config'

// Every namespace, both languages: the same files, the same keys, no empty text.
const dir = join(process.cwd(), 'locales')
const namespaces = (lng: string) => readdirSync(join(dir, lng)).filter((f) => f.endsWith('.json')).sort()

function flatKeys(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]]
  return Object.entries(value).flatMap(([key, inner]) => flatKeys(inner, prefix ? `${prefix}.${key}` : key))
}
const read = (lng: string, file: string) => flatKeys(JSON.parse(readFileSync(join(dir, lng, file), 'utf8')))

test('every namespace exists in every language', () => {
  for (const lng of LANGUAGES) expect(namespaces(lng)).toEqual(namespaces('vi'))
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
  for (const lng of LANGUAGES) expect(read(lng, file).filter(([, value]) => value === '').map(([key]) => key)).toEqual([])
})
