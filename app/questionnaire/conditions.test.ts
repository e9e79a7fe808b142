import { describe, expect, test } from 'vitest'
import { conditionHolds, isEligible, isVisible, visibleItems } from './conditions'
import { screenedDefinition, text, yesNo } from '../../test/fixtures/definition-parts'

const definition = screenedDefinition('Conditions', [
  { code: 'start', title: text('Start'), items: [{ code: 'screen', kind: 'yesNo', text: text('Screen'), options: yesNo }] },
  {
    code: 'online',
    title: text('Online'),
    items: [
      { code: 'online.used', kind: 'yesNo', text: text('Used the portal?'), options: yesNo },
      {
        code: 'online.easy',
        kind: 'agreement5',
        text: text('Easy?'),
        showIf: { item: 'online.used', op: 'equals', value: 1 },
      },
      {
        code: 'online.why_not',
        kind: 'text',
        text: text('Why not?'),
        showIf: { item: 'online.used', op: 'notEquals', value: 1 },
      },
    ],
  },
  {
    code: 'portal',
    title: text('Portal details'),
    showIf: { item: 'online.easy', op: 'in', value: [1, 2] },
    items: [{ code: 'portal.problem', kind: 'text', text: text('What went wrong?') }],
  },
  { code: 'end', title: text('End'), items: [{ code: 'end.comment', kind: 'text', text: text('Comment') }] },
])

const answers = (entries: Record<string, number[]>) => new Map(Object.entries(entries))
const codes = (entries: Record<string, number[]>) => visibleItems(definition, answers(entries)).map((item) => item.code)

describe('a condition', () => {
  test('"equals" holds when the answer is the value, for a multi-select when any ticked option is', () => {
    expect(conditionHolds({ item: 'q', op: 'equals', value: 2 }, answers({ q: [2] }))).toBe(true)
    expect(conditionHolds({ item: 'q', op: 'equals', value: 2 }, answers({ q: [1, 2] }))).toBe(true)
    expect(conditionHolds({ item: 'q', op: 'equals', value: 2 }, answers({ q: [1] }))).toBe(false)
  })

  test('"in" holds when the answer is one of the values', () => {
    expect(conditionHolds({ item: 'q', op: 'in', value: [1, 3] }, answers({ q: [3] }))).toBe(true)
    expect(conditionHolds({ item: 'q', op: 'in', value: [1, 3] }, answers({ q: [2] }))).toBe(false)
  })

  test('"notEquals" holds for a different answer but not for no answer at all', () => {
    expect(conditionHolds({ item: 'q', op: 'notEquals', value: 1 }, answers({ q: [2] }))).toBe(true)
    expect(conditionHolds({ item: 'q', op: 'notEquals', value: 1 }, answers({}))).toBe(false)
  })

  test('"answered" holds for any answer, "don\'t know" included', () => {
    expect(conditionHolds({ item: 'q', op: 'answered' }, answers({ q: [-1] }))).toBe(true)
    expect(conditionHolds({ item: 'q', op: 'answered' }, answers({ q: [] }))).toBe(false)
  })

  test('an item without a condition is always visible', () => {
    expect(isVisible({}, answers({}))).toBe(true)
    expect(isVisible({ showIf: { item: 'q', op: 'equals', value: 1 } }, answers({ q: [2] }))).toBe(false)
  })
})

describe('the visible items', () => {
  test('stop at the screening question until it is answered', () => {
    expect(codes({})).toEqual(['screen'])
  })

  test('stop at the screening question when the respondent is not eligible', () => {
    expect(isEligible(definition, answers({ screen: [2] }))).toBe(false)
    expect(codes({ screen: [2], 'online.used': [1], 'end.comment': [] })).toEqual(['screen'])
  })

  test('follow an earlier answer: a portal user is asked how easy it was', () => {
    expect(codes({ screen: [1], 'online.used': [1] })).toEqual(['screen', 'online.used', 'online.easy', 'end.comment'])
    expect(codes({ screen: [1], 'online.used': [2] })).toEqual(['screen', 'online.used', 'online.why_not', 'end.comment'])
  })

  test('include a whole section when its condition holds, and hide it otherwise', () => {
    expect(codes({ screen: [1], 'online.used': [1], 'online.easy': [2] })).toContain('portal.problem')
    expect(codes({ screen: [1], 'online.used': [1], 'online.easy': [5] })).not.toContain('portal.problem')
  })

  test('ignore answers to items that became hidden', () => {
    // "Easy?" was answered, then the respondent changed "used the portal" to no.
    expect(codes({ screen: [1], 'online.used': [2], 'online.easy': [1] })).toEqual([
      'screen',
      'online.used',
      'online.why_not',
      'end.comment',
    ])
  })
})
