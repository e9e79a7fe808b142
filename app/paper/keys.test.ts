import { describe, expect, test } from 'vitest'
import { DONT_KNOW, NOT_APPLICABLE } from '~/questionnaire/definition'
import { itemOf } from '../../test/fixtures/paper-definition'
import { formatKeyed, isCompleteKey, keyCodes, parseKeyed } from './keys'

describe('keys a clerk types', () => {
  test('a scale takes 1 to 5, and 9 for "don’t know" when the item allows it', () => {
    expect(keyCodes(itemOf('svc.polite'))).toEqual([
      { key: '1', value: 1 },
      { key: '2', value: 2 },
      { key: '3', value: 3 },
      { key: '4', value: 4 },
      { key: '5', value: 5 },
      { key: '9', value: DONT_KNOW },
    ])
    expect(keyCodes(itemOf('svc.rules')).at(-1)).toEqual({ key: '8', value: NOT_APPLICABLE })
    expect(keyCodes(itemOf('svc.general')).map((code) => code.key)).toEqual(['1', '2', '3', '4', '5'])
  })

  test('an option valued 9 keeps its key and "don’t know" becomes 99', () => {
    const item = { ...itemOf('svc.field'), allowDontKnow: true }
    const keys = keyCodes(item)
    expect(keys.find((code) => code.value === 9)?.key).toBe('9')
    expect(keys.find((code) => code.value === DONT_KNOW)?.key).toBe('99')
  })

  test('text and number items have no keys', () => {
    expect(keyCodes(itemOf('comment'))).toEqual([])
  })
})

describe('moving on by itself', () => {
  test('happens after a whole key that starts no longer one', () => {
    expect(isCompleteKey(itemOf('svc.polite'), '4')).toBe(true)
    expect(isCompleteKey(itemOf('svc.polite'), '7')).toBe(false)
    expect(isCompleteKey(itemOf('svc.field'), '1')).toBe(false)
    expect(isCompleteKey(itemOf('svc.field'), '10')).toBe(true)
    expect(isCompleteKey(itemOf('svc.field'), '2')).toBe(true)
  })

  test('never happens in a multi-select or a text item', () => {
    expect(isCompleteKey(itemOf('svc.channels'), '1')).toBe(false)
    expect(isCompleteKey(itemOf('comment'), 'a')).toBe(false)
  })
})

describe('reading what was typed', () => {
  test('a blank field is an unanswered item', () => {
    expect(parseKeyed(itemOf('svc.polite'), '  ')).toEqual({ ok: true, value: null })
  })

  test('a scale key becomes its coded value', () => {
    expect(parseKeyed(itemOf('svc.polite'), '4')).toEqual({ ok: true, value: 4 })
    expect(parseKeyed(itemOf('svc.polite'), '9')).toEqual({ ok: true, value: DONT_KNOW })
    expect(parseKeyed(itemOf('svc.rules'), ' 8 ')).toEqual({ ok: true, value: NOT_APPLICABLE })
  })

  test('a key the item does not have is refused', () => {
    expect(parseKeyed(itemOf('svc.polite'), '6')).toEqual({ ok: false, error: 'keying.errors.unknownKey' })
    expect(parseKeyed(itemOf('svc.general'), '9')).toEqual({ ok: false, error: 'keying.errors.unknownKey' })
    expect(parseKeyed(itemOf('svc.polite'), 'x')).toEqual({ ok: false, error: 'keying.errors.unknownKey' })
  })

  test('a multi-select takes digits run together or separated, once each', () => {
    expect(parseKeyed(itemOf('svc.channels'), '134')).toEqual({ ok: true, value: [1, 3, 4] })
    expect(parseKeyed(itemOf('svc.channels'), '1, 3 3')).toEqual({ ok: true, value: [1, 3] })
    expect(parseKeyed(itemOf('svc.channels'), '15')).toEqual({ ok: false, error: 'keying.errors.unknownKey' })
  })

  test('a two-digit option is read whole', () => {
    expect(parseKeyed(itemOf('svc.field'), '10')).toEqual({ ok: true, value: 10 })
    expect(parseKeyed(itemOf('svc.field'), '03')).toEqual({ ok: true, value: 3 })
  })

  test('text is kept as typed, without surrounding spaces', () => {
    expect(parseKeyed(itemOf('comment'), '  Cần thêm ghế ')).toEqual({ ok: true, value: 'Cần thêm ghế' })
  })

  test('what is shown again reads back to the same answer', () => {
    const answers: [string, number | number[] | string][] = [
      ['svc.polite', DONT_KNOW],
      ['svc.rules', NOT_APPLICABLE],
      ['svc.channels', [1, 4]],
      ['svc.field', 10],
      ['comment', 'ghi chú'],
    ]
    for (const [code, value] of answers) {
      const item = itemOf(code)
      expect(parseKeyed(item, formatKeyed(item, value))).toEqual({ ok: true, value })
    }
  })
})
