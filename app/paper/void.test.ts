import { describe, expect, test } from 'vitest'
import { readVoidKey, VOID_REASON_KEYS, VOID_REASONS } from './void'

describe('the void field of a sheet', () => {
  test('blank means a valid sheet', () => {
    expect(readVoidKey('')).toEqual({ ok: true, reason: null })
    expect(readVoidKey('  ')).toEqual({ ok: true, reason: null })
  })

  test('each reason has its own one-digit key', () => {
    const keys = VOID_REASONS.map((reason) => VOID_REASON_KEYS[reason])
    expect(new Set(keys).size).toBe(VOID_REASONS.length)
    expect(keys.every((key) => /^\d$/.test(key))).toBe(true)
    for (const reason of VOID_REASONS)
      expect(readVoidKey(` ${VOID_REASON_KEYS[reason]} `)).toEqual({ ok: true, reason })
  })

  test.each(['0', '5', '12', 'x', 'blank'])('refuses %j as an unknown reason', (typed) => {
    expect(readVoidKey(typed)).toEqual({ ok: false, error: 'keying.errors.voidReason' })
  })
})
