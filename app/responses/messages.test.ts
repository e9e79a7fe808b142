import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { LANGUAGES } from '~/i18n/config'
import { errorMessageKey, SUBMISSION_ERROR_CODES } from './errors'

const messages = (lng: string) =>
  (JSON.parse(readFileSync(join(process.cwd(), 'locales', lng, 'submission.json'), 'utf8')) as { errors: Record<string, string> })
    .errors

test.each(LANGUAGES)('every submission error code has a message in %s, and every message a code', (lng) => {
  const keys = Object.keys(messages(lng)).map((key) => `errors.${key}`)
  expect([...keys].sort()).toEqual(SUBMISSION_ERROR_CODES.map(errorMessageKey).sort())
})

test('codes are unique', () => {
  expect(new Set(SUBMISSION_ERROR_CODES).size).toBe(SUBMISSION_ERROR_CODES.length)
})
