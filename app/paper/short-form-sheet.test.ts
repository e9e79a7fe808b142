import { describe, expect, test } from 'vitest'
import type { Definition } from '~/questionnaire/definition'
import { paperDefinition } from '../../test/fixtures/paper-definition'
import { compareEntries, resolveEntries, SHEET_BLOCK_FIELD } from './compare'
import { readSheetForm } from './sheet-form'

/*
 * Keying a short-form sheet (docs/decisions/027-short-forms.md): the clerk keys the block code
 * printed on it, answers to items the block does not print are refused as the submission refuses
 * them, and double entry compares the block like the date.
 */

const definition: Definition = {
  ...paperDefinition,
  shortForm: {
    core: ['screen', 'svc.general', 'svc.channels', 'svc.online_used', 'svc.online_easy', 'comment'],
    blocks: [
      { code: 'a', title: { vi: 'Khối A', en: 'Block A' }, items: ['svc.polite', 'svc.field'] },
      { code: 'b', title: { vi: 'Khối B', en: 'Block B' }, items: ['svc.rules'] },
    ],
  },
}
const range = { fromDate: '2026-03-01', toDate: '2026-03-31', sheetCount: 20 }
const blockA = { sheetNo: '4', sheetDate: '2026-03-02', sheetBlock: 'a', screen: '1', 'svc.polite': '4', 'svc.field': '10', 'svc.channels': '31', 'svc.online_used': '2', 'svc.general': '5' }

describe('keying a short-form sheet', () => {
  test('the block code is read (in any case) and kept with the answers of the core and that block', () => {
    expect(readSheetForm(definition, blockA, range)).toEqual({
      ok: true,
      sheetNo: 4,
      entry: {
        submittedOn: '2026-03-02',
        formBlock: 'a',
        answers: { screen: 1, 'svc.polite': 4, 'svc.field': 10, 'svc.channels': [1, 3], 'svc.online_used': 2, 'svc.general': 5 },
      },
    })
  })

  test('an answer to an item the block does not print is refused with the submission’s message', () => {
    const result = readSheetForm(definition, { ...blockA, 'svc.rules': '3' }, range)
    expect(result).toEqual({
      ok: false,
      fieldErrors: { 'svc.rules': { key: 'submission:errors.item_not_asked', params: { itemCode: 'svc.rules', block: 'a' } } },
    })
  })

  test('a block code the version does not have is refused', () => {
    expect(readSheetForm(definition, { ...blockA, sheetBlock: 'Z' }, range)).toEqual({
      ok: false,
      fieldErrors: { [SHEET_BLOCK_FIELD]: { key: 'submission:errors.unknown_form_block', params: { block: 'Z' } } },
    })
  })

  test('the items outside the keyed block are not required', () => {
    const blockB = { sheetNo: '5', sheetDate: '2026-03-02', sheetBlock: 'B', screen: '1', 'svc.rules': '2', 'svc.channels': '2', 'svc.online_used': '2', 'svc.general': '4' }
    expect(readSheetForm(definition, blockB, range)).toMatchObject({ ok: true, entry: { formBlock: 'b' } })
  })

  test('two clerks keying different blocks disagree on the block, which the supervisor settles', () => {
    const first = { submittedOn: '2026-03-02', formBlock: 'A', answers: { screen: 1 } }
    const second = { submittedOn: '2026-03-02', formBlock: 'B', answers: { screen: 1 } }
    expect(compareEntries(first, second, ['screen'])).toEqual([{ field: SHEET_BLOCK_FIELD, first: 'A', second: 'B' }])
    expect(compareEntries(first, { ...first }, ['screen'])).toEqual([])
    expect(resolveEntries(first, second, ['screen'], { [SHEET_BLOCK_FIELD]: { from: 'second' } })).toEqual({
      ok: true,
      entry: { submittedOn: '2026-03-02', formBlock: 'B', answers: { screen: 1 } },
    })
  })
})
