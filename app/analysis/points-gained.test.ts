import { describe, expect, test } from 'vitest'
import { TEMPLATES } from '~/questionnaire/templates'
import { indexWeights, indexWith, pointsGained, unitIndexOf } from './points-gained'

/** A deterministic spread of rates (40..95) over every item the methodology names. */
function ratesFor(code: keyof typeof TEMPLATES, skip: readonly string[] = []) {
  const methodology = TEMPLATES[code].methodology
  const rates: Record<string, number | null> = {}
  let seed = 7
  for (const element of methodology.elements) {
    for (const item of [...element.items, ...(element.generalItem ? [element.generalItem] : [])]) {
      seed = (seed * 48271) % 2147483647
      rates[item] = skip.includes(item) ? null : 40 + (seed % 5500) / 100
    }
  }
  return { methodology, rates }
}

describe.each(['sipas-2017', 'sipas-2023'] as const)('points gained in %s', (code) => {
  test('closing an item gap adds the item coefficient times the gap, exactly as the index formula recomputed', () => {
    const { methodology, rates } = ratesFor(code)
    const { items } = indexWeights(methodology, rates)
    const before = unitIndexOf(methodology, rates)!
    for (const [item, rate] of Object.entries(rates)) {
      const target = Math.min(100, rate! + 12.5)
      const gained = pointsGained(methodology, rates, { kind: 'item', code: item }, target)!
      expect(gained).toBeCloseTo(indexWith(methodology, rates, { kind: 'item', code: item }, target)! - before, 12)
      expect(gained).toBeCloseTo((items[item] ?? 0) * (target - rate!), 12)
    }
  })

  test('closing an element gap adds the element weight times the gap', () => {
    const { methodology, rates } = ratesFor(code)
    const { elements } = indexWeights(methodology, rates)
    const weights = Object.values(elements)
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12)
    for (const element of methodology.elements) {
      const gained = pointsGained(methodology, rates, { kind: 'element', code: element.code }, 99)!
      const current = indexWith(methodology, rates, { kind: 'element', code: element.code }, 0)
      expect(current).not.toBeNull()
      expect(gained).toBeGreaterThan(0)
      const value = element.index === 'mean'
        ? element.items.reduce((sum, item) => sum + rates[item]!, 0) / element.items.length
        : rates[element.generalItem!]!
      expect(gained).toBeCloseTo(elements[element.code]! * (99 - value), 12)
    }
  })

  test('nothing is gained where the unit is already at or above the comparator', () => {
    const { methodology, rates } = ratesFor(code)
    const item = methodology.elements[0]!.items[0]!
    expect(pointsGained(methodology, rates, { kind: 'item', code: item }, rates[item]! - 5)).toBe(0)
    expect(pointsGained(methodology, rates, { kind: 'item', code: item }, null)).toBeNull()
  })
})

test('in 2017 an element of the mean of its items spreads its weight over the items that have a rate', () => {
  const { methodology, rates } = ratesFor('sipas-2017', ['access.seats'])
  const access = methodology.elements.find((element) => element.code === 'access')!
  const { items } = indexWeights(methodology, rates)
  const rated = access.items.filter((item) => rates[item] != null)
  expect(rated.length).toBe(access.items.length - 1)
  expect(items['access.seats']).toBeUndefined()
  for (const item of rated) expect(items[item]).toBeCloseTo(1 / 5 / rated.length, 12)
  // The element's satisfaction item is not in the 2017 index.
  expect(items[access.generalItem!]).toBeUndefined()
})

test('in 2023 the criteria items of an element indexed by its general item are worth 0 points; the general item carries the weight', () => {
  const { methodology, rates } = ratesFor('sipas-2023')
  const { items } = indexWeights(methodology, rates)
  const policy = methodology.elements.find((element) => element.code === 'policy')!
  expect(items['pol.general']).toBeCloseTo(1 / 2, 12)
  for (const item of policy.items) {
    expect(items[item]).toBeUndefined()
    expect(pointsGained(methodology, rates, { kind: 'item', code: item }, 100)).toBe(0)
  }
  const services = methodology.elements.filter((element) => element.code !== 'policy')
  for (const element of services) expect(items[element.generalItem!]).toBeCloseTo(1 / 10, 12)
})

test('a unit missing a whole element has no index, so no points are computed', () => {
  const { methodology, rates } = ratesFor('sipas-2023', ['pol.general'])
  expect(pointsGained(methodology, rates, { kind: 'item', code: 'svc.access.general' }, 100)).toBeNull()
})
