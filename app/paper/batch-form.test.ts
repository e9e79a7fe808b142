import { describe, expect, test } from 'vitest'
import { fieldErrorsOf } from '~/forms/field-errors'
import { BatchSchema, MAX_SHEETS_PER_BATCH } from './batch-form'

const form = { servicePointId: 'sp-1', fromDate: '2026-03-01', toDate: '2026-03-31', sheetCount: '40' }
const errorsOf = (values: Record<string, string>) => {
  const parsed = BatchSchema.safeParse(values)
  return parsed.success ? {} : fieldErrorsOf(parsed.error)
}

describe('the open-a-batch form', () => {
  test('reads the fields, an unticked double entry as false', () => {
    expect(BatchSchema.parse(form)).toEqual({ ...form, sheetCount: 40, doubleEntry: false })
    expect(BatchSchema.parse({ ...form, doubleEntry: 'on' }).doubleEntry).toBe(true)
  })

  test('refuses a period that ends before it starts or is longer than a quarter', () => {
    expect(errorsOf({ ...form, toDate: '2026-02-28' })).toEqual({ toDate: { key: 'batches.errors.toBeforeFrom' } })
    expect(errorsOf({ ...form, toDate: '2026-09-30' })).toEqual({ toDate: { key: 'batches.errors.tooLong' } })
  })

  test('refuses a missing service point, bad dates and an impossible sheet count', () => {
    expect(errorsOf({ ...form, servicePointId: ' ', fromDate: '2026-02-30', sheetCount: String(MAX_SHEETS_PER_BATCH + 1) })).toEqual({
      servicePointId: { key: 'batches.errors.servicePoint' },
      fromDate: { key: 'batches.errors.date' },
      sheetCount: { key: 'batches.errors.sheetCount' },
    })
    expect(errorsOf({ ...form, sheetCount: '2.5' })).toEqual({ sheetCount: { key: 'batches.errors.sheetCount' } })
    expect(errorsOf({ ...form, sheetCount: '' })).toEqual({ sheetCount: { key: 'batches.errors.sheetCount' } })
  })
})
