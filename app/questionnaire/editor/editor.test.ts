import { describe, expect, test } from 'vitest'
import { allItems } from '../definition'
import { publishProblems } from '../publish-rules'
import { sipas2023 } from '../templates/sipas-2023'
import { applyCommand, parseCommand } from './commands'
import { applyForm, field } from './form'

// In the 2023 template section 5 is svc.access: location, seats, equipment, online, general.
const ACCESS = sipas2023.sections.findIndex((section) => section.code === 'svc.access')
const accessCodes = (definition = sipas2023) => definition.sections[ACCESS]!.items.map((item) => item.code)
const itemFields = (s: number, i: number) => {
  const item = sipas2023.sections[s]!.items[i]!
  return {
    [field.item(s, i, 'code')]: item.code,
    [field.item(s, i, 'text', 'vi')]: item.text.vi,
    [field.item(s, i, 'text', 'en')]: item.text.en,
    ...(item.required ? { [field.item(s, i, 'required')]: 'on' } : {}),
    ...(item.allowDontKnow ? { [field.item(s, i, 'allowDontKnow')]: 'on' } : {}),
  }
}

describe('the editor form', () => {
  test('changes an item’s wording in both languages and nothing else', () => {
    const edited = applyForm(sipas2023, {
      ...itemFields(ACCESS, 1),
      [field.item(ACCESS, 1, 'text', 'vi')]: 'Nơi chờ có đủ ghế ngồi',
      [field.item(ACCESS, 1, 'text', 'en')]: 'Enough chairs while you wait',
    })
    expect(edited.sections[ACCESS]!.items[1]!.text).toEqual({ vi: 'Nơi chờ có đủ ghế ngồi', en: 'Enough chairs while you wait' })
    expect({ ...edited, sections: [] }).toEqual({ ...sipas2023, sections: [] })
    const others = (definition: typeof sipas2023) => allItems(definition).filter((item) => item.code !== 'svc.access.seats')
    expect(others(edited)).toEqual(others(sipas2023))
    expect(publishProblems(edited)).toEqual([])
  })

  test('an emptied English text shows up as a publishing problem', () => {
    const edited = applyForm(sipas2023, { ...itemFields(ACCESS, 1), [field.item(ACCESS, 1, 'text', 'en')]: '' })
    expect(publishProblems(edited)).toEqual([{ code: 'publish.missingEnglish', params: { location: 'svc.access.seats' } }])
  })

  test('a renamed item code is followed by the methodology and the conditions', () => {
    const perc = sipas2023.sections.findIndex((section) => section.code === 'perc')
    const used = sipas2023.sections[perc]!.items.findIndex((item) => item.code === 'perc.online_used')
    const edited = applyForm(sipas2023, {
      ...itemFields(ACCESS, 1),
      [field.item(ACCESS, 1, 'code')]: 'svc.access.waiting_seats',
      ...itemFields(perc, used),
      [field.item(perc, used, 'code')]: 'perc.portal_used',
    })
    expect(edited.methodology.elements[1]!.items).toContain('svc.access.waiting_seats')
    expect(allItems(edited).find((item) => item.code === 'perc.online_easy')?.showIf?.item).toBe('perc.portal_used')
    expect(publishProblems(edited)).toEqual([])
  })

  test('reads a condition and moves an item into another element', () => {
    const edited = applyForm(sipas2023, {
      ...itemFields(ACCESS, 3),
      [field.item(ACCESS, 3, 'showIf', 'item')]: 'perc.online_used',
      [field.item(ACCESS, 3, 'showIf', 'op')]: 'in',
      [field.item(ACCESS, 3, 'showIf', 'value')]: '1, 2',
      [field.item(ACCESS, 3, 'element')]: 'procedures',
    })
    expect(edited.sections[ACCESS]!.items[3]!.showIf).toEqual({ item: 'perc.online_used', op: 'in', value: [1, 2] })
    expect(edited.methodology.elements[1]!.items).not.toContain('svc.access.online')
    expect(edited.methodology.elements[2]!.items).toContain('svc.access.online')
  })
})

describe('the editor commands', () => {
  test('are read from the pressed button', () => {
    expect(parseCommand('moveItem:5:2:-1')).toEqual({ type: 'moveItem', section: 5, item: 2, by: -1 })
    expect(parseCommand('addItem:3', 'yesNo')).toEqual({ type: 'addItem', section: 3, kind: 'yesNo' })
    expect(parseCommand('moveItem:5:2:7')).toBeNull()
    expect(parseCommand('dropTable:1')).toBeNull()
  })

  test('reorder items within their section', () => {
    const moved = applyCommand(sipas2023, { type: 'moveItem', section: ACCESS, item: 1, by: -1 })
    expect(accessCodes(moved).slice(0, 2)).toEqual(['svc.access.seats', 'svc.access.location'])
    expect(applyCommand(sipas2023, { type: 'moveItem', section: ACCESS, item: 0, by: -1 })).toEqual(sipas2023)
  })

  test('remove an item from the questionnaire and from its element', () => {
    const removed = applyCommand(sipas2023, { type: 'removeItem', section: ACCESS, item: 1 })
    expect(accessCodes(removed)).not.toContain('svc.access.seats')
    expect(removed.methodology.elements[1]!.items).not.toContain('svc.access.seats')
    expect(publishProblems(removed)).toEqual([])
  })

  test('add a blank item that cannot be published until it is written in both languages', () => {
    const added = applyCommand(sipas2023, { type: 'addItem', section: ACCESS, kind: 'singleChoice' })
    expect(accessCodes(added).at(-1)).toBe('svc.access.new_1')
    expect(publishProblems(added).map((problem) => problem.code)).toEqual([
      'publish.missingVietnamese',
      'publish.missingEnglish',
      'publish.missingVietnamese',
      'publish.missingEnglish',
    ])
  })

  test('add and remove options, numbering new ones after the highest value', () => {
    const gender = sipas2023.sections[1]!.items.findIndex((item) => item.code === 'demo.gender')
    const added = applyCommand(sipas2023, { type: 'addOption', section: 1, item: gender })
    expect(added.sections[1]!.items[gender]!.options!.map((option) => option.value)).toEqual([1, 2, 3, 4])
    const removed = applyCommand(added, { type: 'removeOption', section: 1, item: gender, option: 0 })
    expect(removed.sections[1]!.items[gender]!.options!.map((option) => option.value)).toEqual([2, 3, 4])
  })
})
