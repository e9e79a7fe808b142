import { describe, expect, test } from 'vitest'
import { DONT_KNOW } from '~/questionnaire/definition'
import { paperDefinition } from '../../test/fixtures/paper-definition'
import { readSheetForm } from './sheet-form'

const range = { fromDate: '2026-03-01', toDate: '2026-03-31', sheetCount: 20 }
const complete = {
  sheetNo: '3',
  sheetDate: '2026-03-02',
  screen: '1',
  'svc.polite': '9',
  'svc.rules': '4',
  'svc.field': '10',
  'svc.channels': '31',
  'svc.online_used': '2',
  'svc.online_easy': '',
  'svc.general': '5',
  comment: '',
}

describe('reading a keyed sheet', () => {
  test('gives the sheet number, its date and the answers in the shared shape', () => {
    expect(readSheetForm(paperDefinition, complete, range)).toEqual({
      ok: true,
      sheetNo: 3,
      entry: {
        submittedOn: '2026-03-02',
        answers: {
          screen: 1,
          'svc.polite': DONT_KNOW,
          'svc.rules': 4,
          'svc.field': 10,
          'svc.channels': [1, 3],
          'svc.online_used': 2,
          'svc.general': 5,
        },
      },
    })
  })

  test('refuses a sheet number outside the batch and a date outside its period', () => {
    const result = readSheetForm(paperDefinition, { ...complete, sheetNo: '21', sheetDate: '2026-04-01' }, range)
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        sheetNo: { key: 'keying.errors.sheetNo', params: { max: 20 } },
        sheetDate: { key: 'keying.errors.sheetDate', params: { from: '01/03/2026', to: '31/03/2026' } },
      },
    })
  })

  test('names each item whose key is unknown', () => {
    const result = readSheetForm(paperDefinition, { ...complete, 'svc.rules': '7', 'svc.general': 'x' }, range)
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        'svc.rules': { key: 'keying.errors.unknownKey' },
        'svc.general': { key: 'keying.errors.unknownKey' },
      },
    })
  })

  test('applies the shared answer rules: required items, answers to hidden items', () => {
    const result = readSheetForm(paperDefinition, { ...complete, 'svc.general': '', 'svc.online_easy': '4' }, range)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.fromEntries(Object.entries(result.fieldErrors).map(([field, error]) => [field, error?.key]))).toEqual({
      'svc.online_easy': 'keying.answerErrors.hidden_item',
      'svc.general': 'keying.answerErrors.required',
    })
  })
})

describe('reading a void sheet', () => {
  test('keeps its number, date and reason, and drops whatever answers were typed', () => {
    const screenedOut = { ...complete, screen: '2', 'svc.general': '', voidReason: '2' }
    expect(readSheetForm(paperDefinition, screenedOut, range)).toEqual({
      ok: true,
      sheetNo: 3,
      entry: { submittedOn: '2026-03-02', answers: {}, voidReason: 'screened_out' },
    })
  })

  test('a blank sheet needs no answers at all', () => {
    const blank = { sheetNo: '4', sheetDate: '2026-03-05', voidReason: '1' }
    expect(readSheetForm(paperDefinition, blank, range)).toMatchObject({
      ok: true,
      entry: { answers: {}, voidReason: 'blank' },
    })
  })

  test('an unknown reason is refused on its own field, answers unread, with the number and date still checked', () => {
    const result = readSheetForm(
      paperDefinition,
      { ...complete, sheetNo: '0', 'svc.rules': '7', voidReason: '9' },
      range
    )
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        sheetNo: { key: 'keying.errors.sheetNo', params: { max: 20 } },
        voidReason: { key: 'keying.errors.voidReason' },
      },
    })
  })
})
