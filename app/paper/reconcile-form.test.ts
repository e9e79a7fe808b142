import { describe, expect, test } from 'vitest'
import { DONT_KNOW } from '~/questionnaire/definition'
import { paperDefinition } from '../../test/fixtures/paper-definition'
import { SHEET_DATE_FIELD, VOID_FIELD } from './compare'
import { readChoices, readDisputedSheetNo } from './reconcile-form'

const range = { fromDate: '2026-03-01', toDate: '2026-03-31' }
const differencesOf = (...fields: string[]) => fields.map((field) => ({ field }))

describe('reading the reconcile form', () => {
  test('takes either pass, or the paper keyed again as the item reads keys', () => {
    const values = {
      'choice:svc.polite': 'first',
      'choice:svc.rules': 'second',
      'choice:svc.channels': 'rekeyed',
      'rekey:svc.channels': '3 1',
      'choice:svc.general': 'rekeyed',
      'rekey:svc.general': '5',
      [`choice:${SHEET_DATE_FIELD}`]: 'rekeyed',
      [`rekey:${SHEET_DATE_FIELD}`]: '2026-03-05',
    }
    const differences = differencesOf(SHEET_DATE_FIELD, 'svc.polite', 'svc.rules', 'svc.channels', 'svc.general')
    expect(readChoices(paperDefinition, differences, values, range)).toEqual({
      ok: true,
      choices: {
        [SHEET_DATE_FIELD]: { from: 'rekeyed', value: '2026-03-05' },
        'svc.polite': { from: 'first' },
        'svc.rules': { from: 'second' },
        'svc.channels': { from: 'rekeyed', value: [1, 3] },
        'svc.general': { from: 'rekeyed', value: 5 },
      },
    })
    expect(readChoices(paperDefinition, differencesOf('svc.polite'), { 'choice:svc.polite': 'rekeyed', 'rekey:svc.polite': '9' }, range)).toEqual({
      ok: true,
      choices: { 'svc.polite': { from: 'rekeyed', value: DONT_KNOW } },
    })
  })

  test('only the fields in dispute are read', () => {
    const values = { 'choice:svc.polite': 'first', 'choice:svc.rules': 'nonsense' }
    expect(readChoices(paperDefinition, differencesOf('svc.polite'), values, range)).toEqual({
      ok: true,
      choices: { 'svc.polite': { from: 'first' } },
    })
  })

  test('refuses an undecided field, and keying a void-or-keyed sheet again', () => {
    const values = { [`choice:${VOID_FIELD}`]: 'rekeyed', [`rekey:${VOID_FIELD}`]: '1', 'choice:svc.rules': '' }
    expect(readChoices(paperDefinition, differencesOf(VOID_FIELD, 'svc.rules', 'svc.general'), values, range)).toEqual({
      ok: false,
      fieldErrors: {
        [VOID_FIELD]: { key: 'reconcile.errors.choose' },
        'svc.rules': { key: 'reconcile.errors.choose' },
        'svc.general': { key: 'reconcile.errors.choose' },
      },
    })
  })

  test('refuses what the paper, keyed again, does not say: an unknown key, a day outside the batch', () => {
    const values = {
      'choice:svc.field': 'rekeyed',
      'rekey:svc.field': '11',
      [`choice:${SHEET_DATE_FIELD}`]: 'rekeyed',
      [`rekey:${SHEET_DATE_FIELD}`]: '2026-04-01',
      'choice:no.such.item': 'rekeyed',
      'rekey:no.such.item': '1',
    }
    const differences = differencesOf(SHEET_DATE_FIELD, 'svc.field', 'no.such.item')
    expect(readChoices(paperDefinition, differences, values, range)).toEqual({
      ok: false,
      fieldErrors: {
        [SHEET_DATE_FIELD]: { key: 'keying.errors.sheetDate', params: { from: '01/03/2026', to: '31/03/2026' } },
        'svc.field': { key: 'keying.errors.unknownKey' },
        'no.such.item': { key: 'reconcile.errors.notDisputed' },
      },
    })
  })

  test('names a sheet by a whole number from 1', () => {
    expect(readDisputedSheetNo('3')).toBe(3)
    for (const raw of [undefined, '', '0', '-1', '2.5', 'x']) expect(readDisputedSheetNo(raw)).toBeNull()
  })
})
