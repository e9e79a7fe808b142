import { describe, expect, test } from 'vitest'
import { formFields } from './form-fields'

// A stand-in for i18next's t: the key and its values, so a test sees what would be translated.
const t = (key: string, params?: Record<string, string | number>) =>
  params && Object.keys(params).length > 0 ? `${key} ${JSON.stringify(params)}` : key

describe('formFields', () => {
  test('gives each field of a refused form its value and its message, translated with its values', () => {
    const refused = {
      fieldErrors: { sheetNo: { key: 'errors.sheetNo', params: { max: 40 } }, name: { key: 'errors.name' } },
      values: { sheetNo: '41', name: '' },
    }
    const { field, error, values } = formFields(refused, t)
    expect(field('sheetNo')).toEqual({ name: 'sheetNo', value: '41', error: 'errors.sheetNo {"max":40}' })
    expect(error('name')).toBe('errors.name')
    expect(error('other')).toBeUndefined()
    expect(values).toEqual({ sheetNo: '41', name: '' })
  })

  test('any other answer, or none, leaves the fields empty', () => {
    for (const answer of [undefined, null, { created: 'AB12' }]) {
      expect(formFields(answer, t).field('name')).toEqual({ name: 'name', value: undefined, error: undefined })
    }
  })

  test('page-wide values reach every message; a message’s own values win', () => {
    const refused = { fieldErrors: { a: { key: 'errors.a' }, b: { key: 'errors.b', params: { min: 5 } } }, values: {} }
    const { error } = formFields(refused, t, { params: { min: 10 } })
    expect(error('a')).toBe('errors.a {"min":10}')
    expect(error('b')).toBe('errors.b {"min":5}')
  })

  test("the browser's messages (react-hook-form) come before the server's", () => {
    const refused = { fieldErrors: { email: { key: 'errors.server' } }, values: {} }
    const { error } = formFields(refused, t, { clientErrors: { email: { message: 'errors.client' } } })
    expect(error('email')).toBe('errors.client')
    expect(formFields(refused, t, { clientErrors: {} }).error('email')).toBe('errors.server')
  })
})
