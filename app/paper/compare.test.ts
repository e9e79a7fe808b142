import { describe, expect, test } from 'vitest'
import { DONT_KNOW } from '~/questionnaire/definition'
import { compareEntries, resolveEntries, sameValue, SHEET_DATE_FIELD, type SheetEntry, VOID_FIELD } from './compare'

const order = ['screen', 'svc.polite', 'svc.channels', 'svc.general', 'comment']
const entry = (answers: SheetEntry['answers'], submittedOn = '2026-03-02'): SheetEntry => ({ submittedOn, answers })

describe('comparing two clerks’ entries of a sheet', () => {
  test('identical entries have no differences', () => {
    const sheet = entry({ screen: 1, 'svc.polite': 4, 'svc.channels': [1, 3], comment: 'Tốt' })
    expect(compareEntries(sheet, structuredClone(sheet), order)).toEqual([])
  })

  test('each disagreement is listed once, the date first, then in questionnaire order', () => {
    const first = entry({ screen: 1, 'svc.polite': 4, 'svc.general': 5 }, '2026-03-02')
    const second = entry({ screen: 1, 'svc.polite': DONT_KNOW, 'svc.general': 5, comment: 'x' }, '2026-03-03')
    expect(compareEntries(first, second, order)).toEqual([
      { field: SHEET_DATE_FIELD, first: '2026-03-02', second: '2026-03-03' },
      { field: 'svc.polite', first: 4, second: DONT_KNOW },
      { field: 'comment', first: null, second: 'x' },
    ])
  })

  test('an item one clerk left blank differs from any answer', () => {
    expect(compareEntries(entry({ 'svc.polite': 3 }), entry({}), order)).toEqual([
      { field: 'svc.polite', first: 3, second: null },
    ])
  })

  test('ticks in another order, spacing and Unicode composition are not disagreements', () => {
    expect(sameValue([3, 1], [1, 3])).toBe(true)
    expect(sameValue('Cần  thêm ghế ', 'Cần thêm ghế')).toBe(true)
    expect(sameValue('Tốt'.normalize('NFD'), 'Tốt'.normalize('NFC'))).toBe(true)
    expect(sameValue([1, 3], 1)).toBe(false)
    expect(sameValue('1', 1)).toBe(false)
  })

  test('fields outside the questionnaire order still compare, after it', () => {
    const differences = compareEntries(entry({ zzz: 1, 'svc.polite': 1 }), entry({ zzz: 2 }), order)
    expect(differences.map((d) => d.field)).toEqual(['svc.polite', 'zzz'])
  })
})

describe('resolving a sheet', () => {
  const first = entry({ screen: 1, 'svc.polite': 4, 'svc.general': 5, comment: 'a' }, '2026-03-02')
  const second = entry({ screen: 1, 'svc.polite': 2, 'svc.general': 5 }, '2026-03-04')

  test('needs a choice for every difference', () => {
    expect(resolveEntries(first, second, order, { 'svc.polite': { from: 'first' } })).toEqual({
      ok: false,
      undecided: [SHEET_DATE_FIELD, 'comment'],
    })
  })

  test('keeps what agreed and takes each choice', () => {
    const resolution = resolveEntries(first, second, order, {
      [SHEET_DATE_FIELD]: { from: 'second' },
      'svc.polite': { from: 'rekeyed', value: 3 },
      comment: { from: 'second' },
      screen: { from: 'rekeyed', value: 2 },
    })
    expect(resolution).toEqual({
      ok: true,
      entry: { submittedOn: '2026-03-04', answers: { screen: 1, 'svc.polite': 3, 'svc.general': 5 } },
    })
  })

  test('of two identical entries is either of them', () => {
    expect(resolveEntries(first, structuredClone(first), order, {})).toEqual({ ok: true, entry: first })
  })
})

describe('double entry of a void sheet', () => {
  const keyed = entry({ screen: 1, 'svc.polite': 4 }, '2026-03-02')
  const blank: SheetEntry = { submittedOn: '2026-03-04', answers: {}, voidReason: 'blank' }
  const spoiled: SheetEntry = { submittedOn: '2026-03-02', answers: {}, voidReason: 'spoiled' }

  test('two void copies agree, whatever reason and date each clerk gave', () => {
    expect(compareEntries(blank, spoiled, order)).toEqual([])
  })

  test('a void copy against a keyed one is a single difference: void or not', () => {
    expect(compareEntries(blank, keyed, order)).toEqual([{ field: VOID_FIELD, first: 'blank', second: null }])
    expect(compareEntries(keyed, spoiled, order)).toEqual([{ field: VOID_FIELD, first: null, second: 'spoiled' }])
  })

  test('the supervisor takes one pass whole: the void copy, or the keyed answers and date', () => {
    expect(resolveEntries(blank, keyed, order, { [VOID_FIELD]: { from: 'first' } })).toEqual({
      ok: true,
      entry: { submittedOn: '2026-03-04', answers: {}, voidReason: 'blank' },
    })
    expect(resolveEntries(blank, keyed, order, { [VOID_FIELD]: { from: 'second' } })).toEqual({
      ok: true,
      entry: { submittedOn: '2026-03-02', answers: { screen: 1, 'svc.polite': 4 } },
    })
  })

  test('keying it again is no decision, and neither is none', () => {
    expect(resolveEntries(blank, keyed, order, { [VOID_FIELD]: { from: 'rekeyed', value: null } })).toEqual({
      ok: false,
      undecided: [VOID_FIELD],
    })
    expect(resolveEntries(blank, keyed, order, {})).toEqual({ ok: false, undecided: [VOID_FIELD] })
  })

  test('two void copies resolve to the first pass’s reason', () => {
    expect(resolveEntries(blank, spoiled, order, {})).toEqual({
      ok: true,
      entry: { submittedOn: '2026-03-04', answers: {}, voidReason: 'blank' },
    })
  })
})
