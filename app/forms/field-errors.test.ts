import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { fieldErrorsOf } from './field-errors'

const Schema = z
  .object({
    name: z.string().trim().min(1, { error: 'errors.nameRequired' }).max(5, { error: 'errors.nameTooLong' }),
    from: z.iso.date({ error: 'errors.date' }),
    to: z.iso.date({ error: 'errors.date' }),
  })
  .refine((value) => value.from <= value.to, { error: 'errors.toBeforeFrom', path: ['to'] })

const errorsOf = (input: unknown) => {
  const parsed = Schema.safeParse(input)
  if (parsed.success) throw new Error('expected a refusal')
  return fieldErrorsOf(parsed.error)
}

describe('field errors of a refused schema', () => {
  test('one message per field, the first problem found, named by its i18n key', () => {
    expect(errorsOf({ name: '', from: '2026-02-30', to: 'soon' })).toEqual({
      name: { key: 'errors.nameRequired' },
      from: { key: 'errors.date' },
      to: { key: 'errors.date' },
    })
  })

  test('a refinement names the field its path gives', () => {
    expect(errorsOf({ name: 'Ana', from: '2026-03-02', to: '2026-03-01' })).toEqual({ to: { key: 'errors.toBeforeFrom' } })
  })
})
