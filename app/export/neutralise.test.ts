import { describe, expect, test } from 'vitest'
import { neutraliseCell } from './neutralise'

describe('neutraliseCell', () => {
  test.each(['=', '+', '-', '@', '\t', '\r'])('text starting with %j gets a leading single quote', (start) => {
    expect(neutraliseCell(`${start}HYPERLINK("http://x")`)).toBe(`'${start}HYPERLINK("http://x")`)
  })

  test('other text, and the characters elsewhere than first, are left as they are', () => {
    expect(neutraliseCell('Thành phố Hồ Chí Minh')).toBe('Thành phố Hồ Chí Minh')
    expect(neutraliseCell('Bà Rịa – Vũng Tàu')).toBe('Bà Rịa – Vũng Tàu')
    expect(neutraliseCell('a=b+c-d@e')).toBe('a=b+c-d@e')
    expect(neutraliseCell('')).toBe('')
  })
})
