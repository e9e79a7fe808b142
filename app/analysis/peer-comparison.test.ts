import { describe, expect, test } from 'vitest'
import { compareHref, parseCompareSearch } from './peer-comparison'

const parse = (query: string) => parseCompareSearch(new URLSearchParams(query))

describe('the peer comparison question', () => {
  test('no unit chosen is the bare form, provinces by default', () => {
    expect(parse('')).toEqual({ search: { level: 'province', units: [] }, error: null })
  })

  test('two to six distinct units, repeated ids counted once', () => {
    expect(parse('level=agency&unit=a&unit=b&unit=a&year=2025').search).toEqual({ level: 'agency', units: ['a', 'b'], year: 2025 })
    expect(parse('unit=a').error).toBe('compare.errors.tooFew')
    expect(parse('unit=a&unit=a').error).toBe('compare.errors.tooFew')
    expect(parse('unit=1&unit=2&unit=3&unit=4&unit=5&unit=6&unit=7').error).toBe('compare.errors.tooMany')
  })

  test('a bad level, year or basis is refused with its own message', () => {
    expect(parse('level=commune&unit=a&unit=b').error).toBe('compare.errors.level')
    expect(parse('unit=a&unit=b&year=1990').error).toBe('compare.errors.year')
    expect(parse('unit=a&unit=b&year=soon').error).toBe('compare.errors.year')
    expect(parse('unit=a&unit=b&responses=some').error).toBe('compare.errors.responses')
  })

  test('the address of a comparison reads back as the same question', () => {
    expect(parse(compareHref('province', ['hn', 'tn'], 2025).split('?')[1]!).search).toEqual({
      level: 'province',
      units: ['hn', 'tn'],
      year: 2025,
    })
  })
})
