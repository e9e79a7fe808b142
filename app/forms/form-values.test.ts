import { describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { textValues } from './form-values'

describe('textValues', () => {
  test('keeps what was typed, and never a secret: passwords, the staff PIN, the CSRF token', () => {
    const formData = new FormData()
    for (const [name, value] of [
      ['name', 'Quầy 1'],
      ['password', 'correct horse'],
      ['confirm', 'correct horse'],
      ['pin', '482913'],
      [CSRF_FIELD, 't0ken'],
    ])
      formData.set(name!, value!)
    formData.set('file', new File(['a;b'], 'scores.csv'))
    expect(textValues(formData)).toEqual({ name: 'Quầy 1' })
  })
})
