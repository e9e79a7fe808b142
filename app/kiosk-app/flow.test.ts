import { describe, expect, test } from 'vitest'
import { type Definition, DefinitionSchema, DONT_KNOW } from '~/questionnaire/definition'
import { finalAnswers, firstItem, isScreenedOut, itemProgress, kioskItems, nextItem, previousItem } from './flow'

const text = (en: string) => ({ vi: `vi ${en}`, en })
const yesNo = [
  { value: 1, label: text('yes') },
  { value: 2, label: text('no') },
]

// A phone questionnaire of which the kiosk asks a subset; "easy?" depends on "used?".
const definition: Definition = DefinitionSchema.parse({
  title: text('Kiosk flow'),
  screening: { item: 'screen', eligible: [1], endMessage: text('Thank you') },
  sections: [
    { code: 'start', title: text('Start'), items: [{ code: 'screen', kind: 'yesNo', text: text('Screen'), options: yesNo }] },
    {
      code: 'svc',
      title: text('Service'),
      items: [
        { code: 'svc.detail', kind: 'satisfaction5', text: text('Detail') },
        { code: 'svc.used', kind: 'yesNo', text: text('Used the portal?'), options: yesNo },
        { code: 'svc.easy', kind: 'agreement5', text: text('Easy?'), allowDontKnow: true, showIf: { item: 'svc.used', op: 'equals', value: 1 } },
        { code: 'svc.general', kind: 'satisfaction5', text: text('In general') },
      ],
    },
    { code: 'end', title: text('End'), items: [{ code: 'end.comment', kind: 'text', text: text('Comment'), required: false }] },
  ],
  methodology: { elements: [], unitIndex: 'meanOfElements' },
})
// Listed out of order on purpose: the kiosk asks in definition order.
const form = ['end.comment', 'svc.general', 'svc.easy', 'svc.used', 'screen']
const codes = (items: { code: string }[]) => items.map((item) => item.code)

describe('the kiosk flow', () => {
  test('asks only the kiosk form, in definition order, from the screening question on', () => {
    expect(firstItem(definition, form)?.code).toBe('screen')
    expect(codes(kioskItems(definition, form, { screen: 1, 'svc.used': 1 }))).toEqual([
      'screen',
      'svc.used',
      'svc.easy',
      'svc.general',
      'end.comment',
    ])
  })

  test('follows the conditions forward and back', () => {
    const used = { screen: 1, 'svc.used': 1 }
    const notUsed = { screen: 1, 'svc.used': 2 }
    expect(nextItem(definition, form, used, 'svc.used')?.code).toBe('svc.easy')
    expect(nextItem(definition, form, notUsed, 'svc.used')?.code).toBe('svc.general')
    expect(previousItem(definition, form, notUsed, 'svc.general')?.code).toBe('svc.used')
    expect(previousItem(definition, form, { ...used, 'svc.easy': 4 }, 'svc.general')?.code).toBe('svc.easy')
    expect(previousItem(definition, form, used, 'screen')).toBeNull()
    expect(nextItem(definition, form, { ...notUsed, 'svc.general': 5 }, 'end.comment')).toBeNull()
  })

  test('an ineligible screening answer ends the survey and shows nothing more', () => {
    expect(isScreenedOut(definition, { screen: 2 })).toBe(true)
    expect(isScreenedOut(definition, { screen: 1 })).toBe(false)
    expect(isScreenedOut(definition, {})).toBe(false)
    expect(nextItem(definition, form, { screen: 2 }, 'screen')).toBeNull()
  })

  test('progress counts the questions the answers show, the respondent counted as eligible until screened', () => {
    expect(itemProgress(definition, form, {}, 'screen')).toEqual({ current: 1, total: 4 })
    expect(itemProgress(definition, form, { screen: 1, 'svc.used': 2 }, 'svc.general')).toEqual({ current: 3, total: 4 })
    expect(itemProgress(definition, form, { screen: 1, 'svc.used': 1 }, 'svc.general')).toEqual({ current: 4, total: 5 })
  })

  test('sends only answers to questions still shown, without empty text', () => {
    const answers = { screen: 1, 'svc.used': 2, 'svc.easy': DONT_KNOW, 'svc.general': 4, 'end.comment': '   ' }
    expect(finalAnswers(definition, form, answers)).toEqual({ screen: 1, 'svc.used': 2, 'svc.general': 4 })
    expect(finalAnswers(definition, form, { ...answers, 'end.comment': ' Tốt ' })).toEqual({
      screen: 1,
      'svc.used': 2,
      'svc.general': 4,
      'end.comment': 'Tốt',
    })
  })
})
