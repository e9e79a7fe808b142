import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { CSRF_FIELD } from '~/auth/csrf'
import { parseForm, rejectField, rejectForm } from './reject-form.server'

const SignUpSchema = z.object({
  email: z.email({ error: 'errors.email' }),
  password: z.string().min(10, { error: 'errors.passwordTooShort' }),
  seats: z.coerce.number({ error: 'errors.seats' }).int({ error: 'errors.seats' }).min(1, { error: 'errors.seats' }),
})

function form(fields: Record<string, string>) {
  const formData = new FormData()
  for (const [name, value] of Object.entries(fields)) formData.set(name, value)
  return formData
}

/** What Remix sends for a `data(…)` answer: its payload and status. */
function answerOf(result: unknown) {
  const { data, init } = result as { data: unknown; init: ResponseInit | null }
  return { status: init?.status ?? 200, data }
}

describe('parseForm', () => {
  test('a valid form gives the schema’s data and no rejection', () => {
    const parsed = parseForm(SignUpSchema, form({ email: 'an@example.vn', password: 'long enough!', seats: '3' }))
    expect(parsed).toEqual({ data: { email: 'an@example.vn', password: 'long enough!', seats: 3 }, rejection: null })
  })

  test('an invalid form gives a 400 with a message per field and the values typed, without secrets', () => {
    const parsed = parseForm(SignUpSchema, form({ email: 'not an address', password: 'short', seats: '0', [CSRF_FIELD]: 't0ken' }))
    expect(parsed.data).toBeNull()
    expect(answerOf(parsed.rejection)).toEqual({
      status: 400,
      data: {
        fieldErrors: {
          email: { key: 'errors.email' },
          password: { key: 'errors.passwordTooShort' },
          seats: { key: 'errors.seats' },
        },
        // The password and the CSRF token are never sent back into the page.
        values: { email: 'not an address', seats: '0' },
      },
    })
  })

  test('the rejection carries what else the page needs', () => {
    const parsed = parseForm(SignUpSchema, form({ email: '' }), { form: 'signUp' as const })
    expect(answerOf(parsed.rejection).data).toMatchObject({ form: 'signUp', values: { email: '' } })
  })
})

describe('rejectForm', () => {
  test('answers 400 by default, or the status and headers given', () => {
    const fieldErrors = { seats: { key: 'errors.seatsTaken', params: { seats: 3 } } }
    expect(answerOf(rejectForm({ fieldErrors, values: { seats: '3' } }))).toEqual({
      status: 400,
      data: { fieldErrors, values: { seats: '3' } },
    })
    const conflict = rejectForm({ fieldErrors, values: {} }, { status: 409, headers: { 'Cache-Control': 'no-store' } })
    expect(answerOf(conflict).status).toBe(409)
    expect(new Headers((conflict as unknown as { init: ResponseInit }).init.headers).get('Cache-Control')).toBe('no-store')
  })
})

describe('rejectField', () => {
  test('a refusal over one field is a 400 with that field’s message and the values typed, without secrets', () => {
    const formData = form({ code: 'HP-01', name: 'Sở Tư pháp', [CSRF_FIELD]: 'token' })
    expect(answerOf(rejectField({ field: 'code', key: 'agencies.errors.codeTaken' }, formData))).toEqual({
      status: 400,
      data: { fieldErrors: { code: { key: 'agencies.errors.codeTaken' } }, values: { code: 'HP-01', name: 'Sở Tư pháp' } },
    })
  })
})
