import { expect, test } from 'vitest'
import { allItems } from '~/questionnaire/definition'
import { sampleDefinition } from '../../test/fixtures/aggregation-definition'
import { optionValues, ratedValues, shareKind } from './measures'

const items = new Map(allItems(sampleDefinition).map((item) => [item.code, item]))
const get = (code: string) => items.get(code)!

test('scale items are rated on satisfied and very satisfied', () => {
  expect(ratedValues(get('access.general'))).toEqual([4, 5])
  expect(ratedValues(get('procedure.1'))).toEqual([4, 5])
})

test('a yes/no item is rated on "yes" and also gets both options\' shares', () => {
  expect(ratedValues(get('screen'))).toEqual([1])
  expect(shareKind(get('screen'))).toBe('category')
})

test('a choice item with a configured positive answer gets a rate and shares', () => {
  expect(ratedValues(get('harassment'))).toEqual([1])
  expect(shareKind(get('harassment'))).toBe('category')
})

test('a categorical item without a positive answer gets shares only', () => {
  expect(ratedValues(get('channel'))).toBeNull()
  expect(shareKind(get('channel'))).toBe('category')
})

test('a multi-select item gets shares over respondents and no rate', () => {
  expect(ratedValues(get('priorities'))).toBeNull()
  expect(shareKind(get('priorities'))).toBe('multiSelect')
})

test('scale, text and number items get no shares', () => {
  expect(shareKind(get('access.general'))).toBeNull()
  expect(shareKind(get('suggestions'))).toBeNull()
  expect(ratedValues(get('suggestions'))).toBeNull()
  expect(shareKind(get('visits'))).toBeNull()
})

test("option values come in the definition's order, and an item without options has none", () => {
  expect(optionValues(get('priorities'))).toEqual([1, 2, 3, 4])
  expect(optionValues(get('access.general'))).toEqual([])
})
