import { describe, expect, test } from 'vitest'
import { isStorableText, textProblem } from './storable-text'

describe('text PostgreSQL can store', () => {
  test('Vietnamese, emoji (a surrogate pair) and the empty string can be stored', () => {
    for (const text of ['', 'Thành phố Hồ Chí Minh', 'Rất tốt 😀', 'a\u0301']) expect(textProblem(text)).toBeNull()
  })

  test('a NUL anywhere cannot', () => {
    for (const text of ['\u0000', '31TP\u0000', 'a\u0000b']) expect(textProblem(text)).toBe('nul')
  })

  test('a lone surrogate, either half, or a decoder’s U+FFFD cannot be read back', () => {
    for (const text of ['\uD83D', 'a\uD83Db', 'a\uDE00', '\uDE00\uD83D', 'x\uFFFD']) expect(textProblem(text)).toBe('unreadable')
    expect(isStorableText('31TP\uD800')).toBe(false)
    expect(isStorableText('31TP')).toBe(true)
  })
})
