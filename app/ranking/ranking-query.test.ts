import { expect, test } from 'vitest'
import { parseRankingSearch } from './ranking-query'

const parse = (query: string) => parseRankingSearch(new URLSearchParams(query))

test('reads year, index, peer group and province', () => {
  expect(parse('year=2025&index=PAR_INDEX&group=departments&province=p34-31').data).toEqual({
    year: 2025,
    index: 'PAR_INDEX',
    group: 'departments',
    province: 'p34-31',
  })
})

test('empty fields, as a GET form sends them, are not given', () => {
  expect(parse('year=&index=&group=&province=').data).toEqual({})
})

test('unknown values are refused', () => {
  expect(parse('index=HDI').success).toBe(false)
  expect(parse('group=districts').success).toBe(false)
  expect(parse('year=20x5').success).toBe(false)
  expect(parse('year=1990').success).toBe(false)
})
