import { describe, expect, test } from 'vitest'
import { allItems } from './definition'
import { publishProblems } from './publish-rules'
import { formLengths, proposeShortForm, requiredCoreItems } from './short-form-design'
import { sipas2017 } from './templates/sipas-2017'
import { sipas2023 } from './templates/sipas-2023'

describe.each([
  ['2023', sipas2023],
  ['2017', sipas2017],
])('proposeShortForm on the SIPAS %s template', (_, definition) => {
  test.each([2, 3, 4, 5])('with %i blocks passes every publishing rule', (blockCount) => {
    const shortForm = proposeShortForm(definition, blockCount)
    expect(shortForm.blocks).toHaveLength(blockCount)
    expect(publishProblems({ ...definition, shortForm })).toEqual([])
  })

  test('puts the screening item, every "in general" item and the multi-select items in the core, and nothing else', () => {
    const { core } = proposeShortForm(definition, 3)
    const generals = definition.methodology.elements.map((element) => element.generalItem!)
    const multiSelect = allItems(definition).filter((item) => item.kind === 'multiSelect')
    expect(multiSelect.length).toBeGreaterThan(0)
    expect([...core].sort()).toEqual([definition.screening.item, ...generals, ...multiSelect.map((item) => item.code)].sort())
    expect(requiredCoreItems(definition)).toEqual(core)
  })

  test('makes blocks whose lengths differ by at most one answer', () => {
    const { blocks } = proposeShortForm(definition, 4)
    const lengths = blocks.map((block) => block.items.length)
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1)
    expect(lengths.reduce((sum, length) => sum + length, 0)).toBe(allItems(definition).length - requiredCoreItems(definition).length)
  })

  test('deals every element’s criteria across the blocks', () => {
    const { blocks } = proposeShortForm(definition, 3)
    for (const element of definition.methodology.elements) {
      const perBlock = blocks.map((block) => block.items.filter((code) => element.items.includes(code)).length)
      // An element with at least as many criteria as blocks has criteria in every block.
      expect(Math.max(...perBlock) - Math.min(...perBlock)).toBeLessThanOrEqual(1)
      if (element.items.length >= 3) expect(Math.min(...perBlock)).toBeGreaterThan(0)
    }
  })

  test('is the same every time (the seed and the editor agree)', () => {
    expect(proposeShortForm(definition, 3)).toEqual(proposeShortForm(definition, 3))
  })
})

describe('proposeShortForm', () => {
  test('keeps an item in the block of the item its condition looks at', () => {
    const { blocks } = proposeShortForm(sipas2023, 4)
    const block = blocks.find((candidate) => candidate.items.includes('perc.online_easy'))
    expect(block?.items).toContain('perc.online_used')
  })

  test('refuses fewer than two blocks', () => {
    expect(() => proposeShortForm(sipas2023, 1)).toThrow()
  })
})

describe('formLengths', () => {
  test('count the core and core + block answers', () => {
    const shortForm = proposeShortForm(sipas2023, 4)
    const lengths = formLengths(shortForm)
    expect(lengths.core).toBe(9)
    expect(lengths.blocks).toEqual(shortForm.blocks.map((block) => 9 + block.items.length))
    // 51 answers in full; the core's 9 and 10 or 11 of the other 42 in each of four forms.
    expect([...lengths.blocks].sort()).toEqual([19, 19, 20, 20])
  })
})
