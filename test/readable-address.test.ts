import { describe, expect, test } from 'vitest'
import { isReadableAddress } from '../server/readable-address'

describe('a readable address', () => {
  test('ordinary addresses, Vietnamese in them included, are readable', () => {
    expect(isReadableAddress('/')).toBe(true)
    expect(isReadableAddress('/provinces/79?year=2025&index=PAR_INDEX')).toBe(true)
    expect(isReadableAddress('/s/31TP?lng=vi&q=H%E1%BA%A3i%20Ph%C3%B2ng')).toBe(true)
  })

  test('a NUL, a malformed escape or bytes that are not UTF-8 make it unreadable', () => {
    expect(isReadableAddress('/s/31TP%00')).toBe(false)
    expect(isReadableAddress('/provinces/79%00')).toBe(false)
    expect(isReadableAddress('/rankings?year=2024%00')).toBe(false)
    expect(isReadableAddress('/rankings?year%00=2024')).toBe(false)
    expect(isReadableAddress('/s/%E0%A4%A')).toBe(false)
    expect(isReadableAddress('/s/%C0%AF')).toBe(false)
    expect(isReadableAddress('/rankings?year=%FF')).toBe(false)
    expect(isReadableAddress('/s/%ED%A0%80')).toBe(false)
  })
})
