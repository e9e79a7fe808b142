import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { ANSWER_ERROR_CODES } from '~/responses/errors'

// Every paper key the code can return or translate exists (test/locales.test.ts checks that
// Vietnamese and English have the same keys).
const root = process.cwd()
const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix]
const known = (ns: string) => new Set(keysOf(JSON.parse(readFileSync(join(root, 'locales/en', `${ns}.json`), 'utf8'))))

test('every paper key the code uses exists', () => {
  const files = [
    ...readdirSync(join(root, 'app/paper'))
      .filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.') && !file.includes('.fixture.'))
      .map((file) => join('app/paper', file)),
    // Route modules, and route folders with their private helpers.
    ...readdirSync(join(root, 'app/routes'))
      .filter((name) => name.startsWith('paper'))
      .flatMap((name) =>
        statSync(join(root, 'app/routes', name)).isDirectory()
          ? readdirSync(join(root, 'app/routes', name)).map((file) => join('app/routes', name, file))
          : [join('app/routes', name)]
      ),
  ]
  const source = files.map((file) => readFileSync(join(root, file), 'utf8')).join('\n')
  const literals = [...source.matchAll(/'((?:paper:)?(?:batches|keying|reconcile|totals)\.[a-zA-Z.]+)'/g)].map((m) => m[1]!.replace(/^paper:/, ''))
  const clerkWorded = [...source.matchAll(/new Set\(\[([^\]]*)\]\)/g)].flatMap((m) => [...m[1]!.matchAll(/'([a-z_]+)'/g)].map((c) => `keying.answerErrors.${c[1]}`))
  const paper = known('paper')
  const used = [...new Set([...literals, ...clerkWorded])].filter((key) => !key.endsWith('.'))
  expect(used.length).toBeGreaterThan(60)
  expect(used.filter((key) => !paper.has(key)).sort()).toEqual([])
})

test('every answer rule has a message for the clerk', () => {
  const submission = known('submission')
  expect(ANSWER_ERROR_CODES.filter((code) => !submission.has(`errors.${code}`))).toEqual([])
})
