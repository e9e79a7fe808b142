import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

// The questionnaire namespace: the same keys in both languages, and every key the schema,
// the publishing rules and the server code can return exists.
const root = process.cwd()

function flatKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => flatKeys(inner, prefix ? `${prefix}.${key}` : key))
}

const read = (lng: string) =>
  JSON.parse(readFileSync(join(root, 'locales', lng, 'questionnaire.json'), 'utf8')) as unknown
const source = (file: string) => readFileSync(join(root, 'app/questionnaire', file), 'utf8')

describe('questionnaire texts', () => {
  test('have the same keys in Vietnamese and English', () => {
    expect(flatKeys(read('vi')).sort()).toEqual(flatKeys(read('en')).sort())
  })

  test('cover every problem and error key the code can return', () => {
    const publishCodes = [...source('publish-rules.ts').matchAll(/problem\('([a-zA-Z]+)'/g)].map((m) => `publish.${m[1]}`)
    const ternaryCodes = [...source('publish-rules.ts').matchAll(/'(missing[A-Za-z]+)'/g)].map((m) => `publish.${m[1]}`)
    const literalKeys = ['definition.ts', 'publish-rules.ts', 'versions.server.ts', 'campaigns.server.ts'].flatMap((file) =>
      [...source(file).matchAll(/'((?:errors|publish|campaigns\.errors)\.[a-zA-Z]+)'/g)].map((m) => m[1]!),
    )
    const used = new Set([...publishCodes, ...ternaryCodes, ...literalKeys])
    const known = new Set(flatKeys(read('en')))
    expect(used.size).toBeGreaterThan(25)
    expect([...used].filter((key) => !known.has(key))).toEqual([])
  })

  test('cover every literal key the questionnaire pages translate', () => {
    const pages = [
      ...readdirSync(join(root, 'app/questionnaire/editor')).map((file) => join('app/questionnaire/editor', file)),
      ...readdirSync(join(root, 'app/routes'))
        .filter((file) => /^admin\.(questionnaires|campaigns|distribution)/.test(file))
        .map((file) => join('app/routes', file)),
    ].filter((file) => file.endsWith('.tsx'))
    const used = new Set(
      pages.flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)].map((m) => m[1]!)),
    )
    const known = new Set(flatKeys(read('en')))
    expect(used.size).toBeGreaterThan(100)
    expect([...used].filter((key) => !known.has(key))).toEqual([])
  })
})
