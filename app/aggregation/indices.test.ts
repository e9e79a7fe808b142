import { describe, expect, test } from 'vitest'
import type { Methodology } from '~/questionnaire/definition'
import { type Element, aspectIndex, elementIndex, nationalIndex, unitIndex } from './indices'

const name = { vi: '', en: '' }

function element(code: string, index: 'general' | 'mean', items: string[], generalItem?: string): Element {
  return { code, name, index, items, generalItem }
}

/** The 2023+ shape: two satisfaction contents, the services one built element by element. */
const byAspects: Methodology = {
  elements: [
    element('policy', 'general', ['policy.1'], 'policy.general'),
    element('access', 'general', ['access.1'], 'access.general'),
    element('procedure', 'general', ['procedure.1'], 'procedure.general'),
  ],
  aspects: [
    { code: 'policy', name, elements: ['policy'] },
    { code: 'services', name, elements: ['access', 'procedure'] },
  ],
  unitIndex: 'meanOfAspects',
}

/** The 2017–2022 shape: the unit index is the mean of the elements. */
const byElements: Methodology = { ...byAspects, aspects: [], unitIndex: 'meanOfElements' }

describe('elementIndex', () => {
  test('a "general" element takes its general item\'s rate', () => {
    const access = element('access', 'general', ['a1', 'a2'], 'ag')
    expect(elementIndex(access, { a1: 10, a2: 20, ag: 87.5 })).toBe(87.5)
  })

  test('a "general" element without a rate for its general item has no index', () => {
    expect(elementIndex(element('access', 'general', ['a1'], 'ag'), { a1: 90, ag: null })).toBeNull()
    expect(elementIndex(element('access', 'general', ['a1'], 'ag'), { a1: 90 })).toBeNull()
  })

  test('a "general" element that names no general item is a definition error', () => {
    expect(() => elementIndex(element('access', 'general', ['a1']), { a1: 90 })).toThrow(/access/)
  })

  test('a "mean" element is the unweighted mean of its items\' rates', () => {
    const procedure = element('procedure', 'mean', ['p1', 'p2', 'p3'])
    expect(elementIndex(procedure, { p1: 80, p2: 85, p3: 93, other: 0 })).toBe(86)
  })

  test('a "mean" element skips items without a rate', () => {
    const procedure = element('procedure', 'mean', ['p1', 'p2', 'p3'])
    expect(elementIndex(procedure, { p1: 80, p2: null })).toBe(80)
  })

  test('a "mean" element with no rated item has no index', () => {
    expect(elementIndex(element('procedure', 'mean', ['p1']), { p1: null })).toBeNull()
  })
})

describe('aspectIndex', () => {
  const services = { code: 'services', name, elements: ['access', 'procedure'] }

  test('is the mean of its elements', () => {
    expect(aspectIndex(services, { access: 83.59, procedure: 84.59 })).toBeCloseTo(84.09, 12)
  })

  test('has no value when one of its elements has none', () => {
    expect(aspectIndex(services, { access: 83.59, procedure: null })).toBeNull()
  })
})

describe('unitIndex', () => {
  test('2024 check: policy 83.84 and services 84.09 average to 83.965', () => {
    const elements = { policy: 83.84, access: 83.59, procedure: 84.59 }
    expect(unitIndex(byAspects, elements)).toBeCloseTo(83.965, 12)
  })

  test('by aspects, each aspect counts once however many elements it has', () => {
    // the element mean would be (60 + 90 + 90) / 3 = 80; by aspects it is (60 + 90) / 2
    expect(unitIndex(byAspects, { policy: 60, access: 90, procedure: 90 })).toBe(75)
  })

  test('by elements, the unit index is the mean of all elements', () => {
    expect(unitIndex(byElements, { policy: 60, access: 90, procedure: 90 })).toBe(80)
  })

  test('a missing element or aspect leaves the unit without an index', () => {
    expect(unitIndex(byElements, { policy: 60, access: 90, procedure: null })).toBeNull()
    expect(unitIndex(byAspects, { access: 90, procedure: 90 })).toBeNull()
  })

  test('a methodology by aspects that defines none gives no index', () => {
    expect(unitIndex({ ...byAspects, aspects: [] }, { policy: 60 })).toBeNull()
  })
})

describe('nationalIndex', () => {
  test("is the unweighted mean of the provinces' values", () => {
    expect(nationalIndex([91.1, 90.23, 70.45])).toBeCloseTo(83.9266666667, 9)
  })

  test('skips provinces without a value', () => {
    expect(nationalIndex([80, null, 90, undefined])).toBe(85)
  })

  test('has no value when no province has one', () => {
    expect(nationalIndex([null])).toBeNull()
    expect(nationalIndex([])).toBeNull()
  })
})
