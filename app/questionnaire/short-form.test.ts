import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { askedItemCodes, formBlockFor } from './short-form'

describe('formBlockFor', () => {
  test('gives the same block for the same id, whatever its case', () => {
    const id = '3f0c6a4e-9b1d-4c1e-8f2a-6d5b4c3a2b10'
    expect(formBlockFor(id, 4)).toBe(formBlockFor(id.toUpperCase(), 4))
    expect(formBlockFor(id, 1)).toBe(0)
  })

  test('spreads random ids evenly over the blocks', () => {
    const counts = [0, 0, 0, 0]
    const draws = 40_000
    for (let i = 0; i < draws; i++) counts[formBlockFor(randomUUID(), 4)]! += 1
    // Each count is Binomial(40000, 1/4): sd ≈ 87, so ± 5 sd is 435.
    for (const count of counts) expect(Math.abs(count - draws / 4)).toBeLessThan(435)
  })

  test('spreads sequential ids evenly too', () => {
    const counts = [0, 0, 0]
    for (let i = 0; i < 30_000; i++) counts[formBlockFor(`PAPER-${String(i).padStart(6, '0')}`, 3)]! += 1
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500)
  })

  test('refuses a form without blocks', () => {
    expect(() => formBlockFor(randomUUID(), 0)).toThrow()
  })
})

describe('askedItemCodes', () => {
  const shortForm = {
    core: ['screen', 'a.general'],
    blocks: [
      { code: 'b1', title: { vi: 'Khối 1', en: 'Block 1' }, items: ['a.one'] },
      { code: 'b2', title: { vi: 'Khối 2', en: 'Block 2' }, items: ['a.two', 'a.three'] },
    ],
  }

  test('is the core and the chosen block', () => {
    expect([...askedItemCodes(shortForm, 1)!].sort()).toEqual(['a.general', 'a.three', 'a.two', 'screen'])
  })

  test('is every item for the full form', () => {
    expect(askedItemCodes(shortForm, null)).toBeNull()
  })
})
